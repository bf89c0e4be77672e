package io.berth.volumes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named volume as the store keeps it.
 *
 * @param name       unique on this node, {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}
 * @param driver     always {@code local}
 * @param mountpoint the host directory holding its data: {@code <dataRoot>/volumes/<name>/_data}
 * @param createdAt  when it was created
 * @param labels     user labels (an anonymous volume carries {@link #ANONYMOUS_LABEL})
 * @param options    the local driver's options as given: {@code type}, {@code device}, {@code o}
 */
public record Volume(String name, String driver, Path mountpoint, Instant createdAt, Map<String, String> labels,
                     Map<String, String> options) {

    /** The label Docker puts on anonymous volumes; {@code volume prune} without {@code all} removes only those. */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
    /** The scope of every volume here. */
    public static final String SCOPE = "local";

    public Volume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(mountpoint, "mountpoint");
        Objects.requireNonNull(createdAt, "createdAt");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** True for a volume made without a name (for {@code -v /dst} or an image's VOLUME). */
    public boolean anonymous() {
        return labels.containsKey(ANONYMOUS_LABEL);
    }

    /** True when the local driver mounts something ({@code type}/{@code device}) on the data directory. */
    public boolean needsMount() {
        return !options.getOrDefault("type", "").isEmpty() || !options.getOrDefault("device", "").isEmpty();
    }
}
