package io.berth.volumes;

import java.util.Map;

/**
 * {@code volume create [--driver local] [-o k=v]... [--label k=v]... [NAME]}.
 *
 * @param name          the volume's name; null or empty for a generated 64-hex name (an anonymous volume)
 * @param driver        null or empty for {@code local}; any other driver is refused
 * @param driverOptions the local driver's {@code type}, {@code device}, {@code o} (as for {@code mount -t TYPE
 *                      -o O DEVICE}), e.g. {@code type=tmpfs,device=tmpfs,o=size=10m,uid=1000} or
 *                      {@code type=none,o=bind,device=/srv/data}
 * @param labels        labels to keep on the volume
 */
public record VolumeCreateRequest(String name, String driver, Map<String, String> driverOptions,
                                  Map<String, String> labels) {
    public VolumeCreateRequest {
        driverOptions = driverOptions == null ? Map.of() : Map.copyOf(driverOptions);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A plain named volume of the local driver. */
    public static VolumeCreateRequest named(String name) {
        return new VolumeCreateRequest(name, null, Map.of(), Map.of());
    }
}
