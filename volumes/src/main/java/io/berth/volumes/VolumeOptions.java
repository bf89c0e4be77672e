package io.berth.volumes;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a volume mount says about its volume beyond the name.
 *
 * @param driver        volume driver; only {@code local} exists here
 * @param driverOptions options for creating the volume when it does not exist ({@code volume-opt=}): {@code type},
 *                      {@code device}, {@code o}
 * @param labels        labels for creating the volume when it does not exist ({@code volume-label=})
 * @param noCopy        do not copy the image's content into an empty volume ({@code nocopy},
 *                      {@code volume-nocopy})
 * @param subpath       a relative path inside the volume to mount instead of its root ({@code volume-subpath}), or
 *                      empty
 */
public record VolumeOptions(String driver, Map<String, String> driverOptions, Map<String, String> labels,
                            boolean noCopy, String subpath) {

    public static final String LOCAL_DRIVER = "local";
    public static final VolumeOptions DEFAULT = new VolumeOptions(LOCAL_DRIVER, Map.of(), Map.of(), false, "");

    public VolumeOptions {
        Objects.requireNonNull(driver, "driver");
        driverOptions = java.util.Collections.unmodifiableMap(new TreeMap<>(driverOptions));
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        Objects.requireNonNull(subpath, "subpath");
    }

    public VolumeOptions withNoCopy(boolean value) {
        return new VolumeOptions(driver, driverOptions, labels, value, subpath);
    }
}
