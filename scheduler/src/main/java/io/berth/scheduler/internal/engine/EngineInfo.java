package io.berth.scheduler.internal.engine;

import io.berth.agent.engine.ContainerService;
import io.berth.agent.engine.ContainerStatus;
import io.berth.agent.engine.ContainerView;
import io.berth.agent.runtime.RuntimeInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** The engine's part of {@code /info} and {@code /version}: counts, runtime, storage driver, cgroups. */
public final class EngineInfo {
    private final ContainerService containers;
    private final RuntimeInfo runtime;
    private final IntSupplier images;

    public EngineInfo(ContainerService containers, RuntimeInfo runtime, IntSupplier images) {
        this.containers = containers;
        this.runtime = runtime;
        this.images = images;
    }

    public Map<String, Object> info() {
        List<ContainerView> all = containers.list(true, false);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("Containers", all.size());
        info.put("ContainersRunning", count(all, ContainerStatus.RUNNING));
        info.put("ContainersPaused", count(all, ContainerStatus.PAUSED));
        info.put("ContainersStopped", all.size() - count(all, ContainerStatus.RUNNING) - count(all, ContainerStatus.PAUSED));
        info.put("Images", images.getAsInt());
        info.put("Driver", "overlay");
        info.put("DriverStatus", List.of(List.of("Backing Filesystem", "overlayfs"), List.of("Supports d_type", "true")));
        info.put("CgroupDriver", "cgroupfs");
        info.put("CgroupVersion", runtime.cgroupLayout().name().equals("UNIFIED") ? "2" : "1");
        info.put("Runtimes", Map.of(runtime.name(), Map.of("path", runtime.path().toString())));
        info.put("DefaultRuntime", runtime.name());
        info.put("InitBinary", "catatonit");
        info.put("LoggingDriver", "k8s-file");
        Map<String, Object> berth = new LinkedHashMap<>();
        berth.put("Runtime", runtime.name());
        berth.put("RuntimePath", runtime.path().toString());
        berth.put("RuntimeVersion", runtime.version());
        berth.put("RuntimeReason", runtime.reason());
        berth.put("CgroupLayout", runtime.cgroupLayout().name().toLowerCase(java.util.Locale.ROOT));
        berth.put("ConmonVersion", runtime.conmonVersion());
        info.put("Berth", berth);
        return info;
    }

    public Map<String, Object> version() {
        return Map.of("Components", List.of(
                Map.of("Name", runtime.name(), "Version", runtime.version(), "Details", Map.of("path",
                        runtime.path().toString())),
                Map.of("Name", "conmon", "Version", runtime.conmonVersion())));
    }

    private static int count(List<ContainerView> all, ContainerStatus status) {
        return (int) all.stream().filter(v -> v.record().state().status() == status).count();
    }
}
