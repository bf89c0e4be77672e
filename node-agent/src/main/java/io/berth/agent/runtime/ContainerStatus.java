package io.berth.agent.runtime;

/** What the runtime observes of a container, in Docker's words. */
public enum ContainerStatus {
    /** Created by the runtime, process waiting to be started. */
    CREATED,
    RUNNING,
    /** Frozen by the cgroup freezer. */
    PAUSED,
    /** The process ended; the exit code is known. */
    EXITED,
    /** Neither conmon nor an exit file: the container died with its monitor (for example a reboot). */
    UNKNOWN
}
