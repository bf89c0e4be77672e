package io.berth.agent.runtime;

/** Which seccomp filter a container gets: Berth's default profile (Docker's effect) or none at all. */
public enum SeccompMode {
    DEFAULT,
    UNCONFINED
}
