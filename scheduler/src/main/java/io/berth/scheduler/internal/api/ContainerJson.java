package io.berth.scheduler.internal.api;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerState;
import io.berth.agent.engine.ContainerView;
import io.berth.agent.engine.HumanTime;
import io.berth.agent.engine.spec.ContainerConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders containers in Docker Engine API v1.43 shapes: the list entry and {@code inspect}. */
final class ContainerJson {
    private final Clock clock;

    ContainerJson(Clock clock) {
        this.clock = clock;
    }

    Map<String, Object> summary(ContainerView view) {
        ContainerRecord record = view.record();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Id", record.id());
        json.put("Names", List.of("/" + record.name()));
        json.put("Image", record.image());
        json.put("ImageID", record.imageId());
        json.put("Command", command(record));
        json.put("Created", Instant.parse(record.created()).getEpochSecond());
        json.put("Ports", List.of());
        if (view.sizes().rw() >= 0) {
            json.put("SizeRw", view.sizes().rw());
            json.put("SizeRootFs", view.sizes().rootFs());
        }
        json.put("Labels", record.config().labels() == null ? Map.of() : record.config().labels());
        json.put("State", record.state().status().word());
        json.put("Status", HumanTime.status(record.state(), clock.instant()));
        json.put("HostConfig", Map.of("NetworkMode", record.hostConfig().networkModeOrDefault()));
        json.put("NetworkSettings", Map.of("Networks", Map.of()));
        json.put("Mounts", mounts(view));
        return json;
    }

    Map<String, Object> inspect(ContainerView view) {
        ContainerRecord record = view.record();
        List<String> args = processArgs(record.config());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Id", record.id());
        json.put("Created", record.created());
        json.put("Path", args.isEmpty() ? "" : args.get(0));
        json.put("Args", args.size() > 1 ? args.subList(1, args.size()) : List.of());
        json.put("State", state(record.state()));
        json.put("Image", record.imageId());
        json.put("ResolvConfPath", view.paths().resolvConfPath());
        json.put("HostnamePath", view.paths().hostnamePath());
        json.put("HostsPath", view.paths().hostsPath());
        json.put("LogPath", view.paths().logPath());
        json.put("Name", "/" + record.name());
        json.put("RestartCount", record.restartCount());
        json.put("Driver", "overlay");
        json.put("Platform", "linux");
        json.put("MountLabel", "");
        json.put("ProcessLabel", "");
        json.put("AppArmorProfile", "");
        json.put("HostConfig", record.hostConfig());
        json.put("GraphDriver", Map.of("Name", "overlay", "Data", view.graphDriver()));
        if (view.sizes().rw() >= 0) {
            json.put("SizeRw", view.sizes().rw());
            json.put("SizeRootFs", view.sizes().rootFs());
        }
        json.put("Mounts", mounts(view));
        json.put("Config", record.config());
        json.put("NetworkSettings", networkSettings(record));
        json.put("Node", Map.of("ID", record.node() == null ? "" : record.node()));
        return json;
    }

    private static Map<String, Object> networkSettings(ContainerRecord record) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("Bridge", "");
        settings.put("SandboxID", "");
        settings.put("Ports", Map.of());
        settings.put("SandboxKey", "");
        settings.put("Networks", Map.of());
        return settings;
    }

    static Map<String, Object> state(ContainerState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Status", state.status().word());
        json.put("Running", state.status().isAlive());
        json.put("Paused", state.status() == io.berth.agent.engine.ContainerStatus.PAUSED);
        json.put("Restarting", state.status() == io.berth.agent.engine.ContainerStatus.RESTARTING);
        json.put("OOMKilled", state.oomKilled());
        json.put("Dead", state.status() == io.berth.agent.engine.ContainerStatus.DEAD);
        json.put("Pid", state.pid());
        json.put("ExitCode", state.exitCode());
        json.put("Error", state.error() == null ? "" : state.error());
        json.put("StartedAt", state.startedAt());
        json.put("FinishedAt", state.finishedAt());
        if (state.health() != null) {
            json.put("Health", state.health());
        }
        return json;
    }

    private static List<Map<String, Object>> mounts(ContainerView view) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (ContainerView.MountView mount : view.mounts()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("Type", mount.type());
            if (mount.name() != null) {
                json.put("Name", mount.name());
            }
            json.put("Source", mount.source());
            json.put("Destination", mount.destination());
            if (mount.driver() != null) {
                json.put("Driver", mount.driver());
            }
            json.put("Mode", mount.mode());
            json.put("RW", mount.rw());
            json.put("Propagation", mount.propagation());
            result.add(json);
        }
        return result;
    }

    /** The process the container runs: entrypoint then cmd (both already merged with the image's). */
    static List<String> processArgs(ContainerConfig config) {
        List<String> args = new ArrayList<>();
        if (config.entrypoint() != null) {
            args.addAll(config.entrypoint());
        }
        if (config.cmd() != null) {
            args.addAll(config.cmd());
        }
        return args;
    }

    private static String command(ContainerRecord record) {
        return String.join(" ", processArgs(record.config()));
    }
}
