package io.berth.agent.runtime;

import java.util.List;
import java.util.Objects;

/**
 * One OCI mount as runtime-spec writes it, given ready-made by the caller (the volumes module turns named volumes,
 * binds and tmpfs into these). {@code destination} is absolute inside the container.
 */
public record MountEntry(String destination, String type, String source, List<String> options) {
    public MountEntry {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        if (!destination.startsWith("/")) {
            throw new IllegalArgumentException("mount destination \"" + destination + "\" must be an absolute path");
        }
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A bind mount, read-only or not, with private propagation (Docker's default). */
    public static MountEntry bind(String source, String destination, boolean readOnly) {
        return new MountEntry(destination, "bind", source,
                readOnly ? List.of("rbind", "rprivate", "ro") : List.of("rbind", "rprivate"));
    }
}
