package io.berth.agent.runtime;

import java.nio.file.Path;

/**
 * How a container gets its network: a new empty namespace ({@code none}: only {@code lo}), the host's own
 * ({@code host}: no network namespace, the host's {@code /etc/hosts} and resolvers), or an existing namespace made
 * beforehand by the networks code ({@code /run/netns/...}): the hand-over between overlay-net and the runtime.
 */
public sealed interface NetworkMode {
    /** A new network namespace with nothing but the loopback device. */
    record None() implements NetworkMode {
    }

    /** The host's network namespace. */
    record Host() implements NetworkMode {
    }

    /** An existing network namespace, joined by path; the container does not own it. */
    record Namespace(Path path) implements NetworkMode {
        public Namespace {
            if (path == null || !path.isAbsolute()) {
                throw new IllegalArgumentException("network namespace path must be absolute, got " + path);
            }
        }
    }

    /** Parses Docker's spelling: {@code none}, {@code host}, or an absolute namespace path. */
    static NetworkMode parse(String text) {
        if (text == null || text.isEmpty() || text.equals("none")) {
            return new None();
        }
        if (text.equals("host")) {
            return new Host();
        }
        if (text.startsWith("/")) {
            return new Namespace(Path.of(text));
        }
        throw new IllegalArgumentException("network mode \"" + text
                + "\" is not supported here: use none, host, or the path of a network namespace");
    }
}
