package io.berth.scheduler.internal.engine;

import io.berth.agent.engine.spec.HostConfig.MountConfig;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.volumes.BindMount;
import io.berth.volumes.MountRequest;
import io.berth.volumes.Propagation;
import io.berth.volumes.TmpfsMount;
import io.berth.volumes.VolumeMount;
import io.berth.volumes.VolumeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code HostConfig.Mounts} entries (the API form of {@code --mount}) as mount requests, with Docker's checks. */
final class MountConfigs {
    private MountConfigs() {
    }

    @SuppressWarnings("unchecked")
    static MountRequest toRequest(MountConfig m) {
        String type = m.type() == null ? "volume" : m.type();
        boolean ro = Boolean.TRUE.equals(m.readOnly());
        if (m.target() == null || m.target().isEmpty()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "mount", "invalid mount config: Target must "
                    + "not be empty");
        }
        return switch (type) {
            case "bind" -> {
                Map<String, Object> options = m.bindOptions() == null ? Map.of() : m.bindOptions();
                Propagation propagation = Propagation.of(String.valueOf(options.getOrDefault("Propagation",
                        "rprivate"))).orElse(Propagation.DEFAULT);
                if (m.source() == null || m.source().isEmpty()) {
                    throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "mount " + m.target(),
                            "invalid mount config for type \"bind\": field Source must not be empty");
                }
                yield new BindMount(m.source(), m.target(), ro, propagation, Boolean.TRUE.equals(options.get(
                        "NonRecursive")) ? BindMount.Recursion.DISABLED : BindMount.Recursion.ENABLED, false);
            }
            case "volume" -> {
                Map<String, Object> options = m.volumeOptions() == null ? Map.of() : m.volumeOptions();
                Map<String, Object> driver = options.get("DriverConfig") instanceof Map<?, ?> d
                        ? (Map<String, Object>) d : Map.of();
                String name = m.source() == null || m.source().isEmpty() ? null : m.source();
                VolumeOptions volumeOptions = new VolumeOptions(
                        String.valueOf(driver.getOrDefault("Name", VolumeOptions.LOCAL_DRIVER)),
                        driver.get("Options") instanceof Map<?, ?> o ? (Map<String, String>) o : Map.of(),
                        options.get("Labels") instanceof Map<?, ?> l ? (Map<String, String>) l : Map.of(),
                        Boolean.TRUE.equals(options.get("NoCopy")),
                        options.get("Subpath") == null ? "" : String.valueOf(options.get("Subpath")));
                yield new VolumeMount(name, m.target(), ro, name == null, volumeOptions);
            }
            case "tmpfs" -> {
                Map<String, Object> options = m.tmpfsOptions() == null ? Map.of() : m.tmpfsOptions();
                List<String> list = new ArrayList<>();
                if (options.get("SizeBytes") instanceof Number size && size.longValue() > 0) {
                    list.add("size=" + size.longValue());
                }
                if (options.get("Mode") instanceof Number mode && mode.intValue() > 0) {
                    list.add("mode=" + Integer.toOctalString(mode.intValue()));
                }
                if (ro) {
                    list.add("ro");
                }
                yield new TmpfsMount(m.target(), list);
            }
            default -> throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "mount " + m.target(),
                    "invalid mount config: mount type unknown: \"" + type + "\": use bind, volume or tmpfs");
        };
    }
}
