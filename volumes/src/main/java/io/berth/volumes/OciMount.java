package io.berth.volumes;

import java.util.List;
import java.util.Objects;

/**
 * One entry of an OCI runtime-spec {@code config.json} {@code mounts} array, as runc reads it.
 *
 * @param destination absolute path in the container
 * @param type        {@code bind} or {@code tmpfs}
 * @param source      host path for a bind, {@code tmpfs} for a tmpfs
 * @param options     mount options in runc's vocabulary: {@code rbind}, {@code ro}/{@code rro}, propagation,
 *                    {@code noexec,nosuid,nodev}, {@code size=}, {@code mode=}
 */
public record OciMount(String destination, String type, String source, List<String> options) {
    public OciMount {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        options = List.copyOf(options);
    }
}
