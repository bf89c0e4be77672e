package io.berth.scheduler;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.berth.scheduler.internal.HostFacts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The answers of {@code GET /version} and {@code GET /info}: Docker's field names, plus a {@code Berth}
 * section (cluster, node, state database). The engine adds its part (runtime, storage driver, counts)
 * through {@link #contribute}.
 */
final class SystemInfo {
    private final DaemonConfig config;
    private final HostFacts host;
    private final Supplier<NodeRecord> node;
    private final HazelcastInstance hazelcast;
    private final Clock clock;
    private final List<Supplier<Map<String, Object>>> contributors = new ArrayList<>();

    SystemInfo(DaemonConfig config, HostFacts host, Supplier<NodeRecord> node, HazelcastInstance hazelcast,
               Clock clock) {
        this.config = config;
        this.host = host;
        this.node = node;
        this.hazelcast = hazelcast;
        this.clock = clock;
    }

    void contribute(Supplier<Map<String, Object>> contributor) {
        contributors.add(contributor);
    }

    Map<String, Object> version() {
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("Version", BerthVersion.current());
        engine.put("ApiVersion", "1.43");
        engine.put("MinAPIVersion", "1.43");
        engine.put("GoVersion", "n/a");
        engine.put("JavaVersion", System.getProperty("java.version"));
        engine.put("Os", "linux");
        engine.put("Arch", "amd64");
        engine.put("KernelVersion", host.kernel());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Platform", Map.of("Name", "Berth"));
        result.put("Components", List.of(Map.of("Name", "Engine", "Version", BerthVersion.current(),
                "Details", Map.of("ApiVersion", "1.43", "JavaVersion", System.getProperty("java.version")))));
        result.putAll(engine);
        for (Supplier<Map<String, Object>> contributor : contributors) {
            Object components = contributor.get().get("Components");
            if (components instanceof List<?> more) {
                List<Object> all = new ArrayList<>((List<?>) result.get("Components"));
                all.addAll(more);
                result.put("Components", all);
            }
        }
        return result;
    }

    Map<String, Object> info() {
        NodeRecord self = node.get();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ID", self.id());
        info.put("Name", self.hostname());
        info.put("Containers", 0);
        info.put("ContainersRunning", 0);
        info.put("ContainersPaused", 0);
        info.put("ContainersStopped", 0);
        info.put("Images", 0);
        info.put("KernelVersion", host.kernel());
        info.put("OperatingSystem", host.operatingSystem());
        info.put("OSType", "linux");
        info.put("Architecture", "x86_64");
        info.put("NCPU", host.cpus());
        info.put("MemTotal", host.memoryBytes());
        info.put("DockerRootDir", config.dataRoot().toString());
        info.put("ServerVersion", BerthVersion.current());
        info.put("SystemTime", clock.instant().toString());
        info.put("Labels", self.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        Map<String, Object> berth = new LinkedHashMap<>();
        berth.put("DataRoot", config.dataRoot().toString());
        berth.put("RunRoot", config.runRoot().toString());
        berth.put("Socket", config.socket().toString());
        berth.put("StateDb", config.stateDb().toString());
        berth.put("Node", Map.of("ID", self.id(), "Hostname", self.hostname(), "Roles", self.roles(),
                "Address", self.clusterAddress()));
        List<String> members = new ArrayList<>();
        for (Member member : hazelcast.getCluster().getMembers()) {
            members.add(member.getAddress().toString() + (member.localMember() ? " (this node)" : ""));
        }
        berth.put("Cluster", Map.of("Name", hazelcast.getConfig().getClusterName(), "Members", members));
        info.put("Berth", berth);
        for (Supplier<Map<String, Object>> contributor : contributors) {
            Map<String, Object> part = contributor.get();
            part.forEach((key, value) -> {
                if ("Berth".equals(key) && value instanceof Map<?, ?> more) {
                    more.forEach((k, v) -> berth.put(String.valueOf(k), v));
                } else if (!"Components".equals(key)) {
                    info.put(key, value);
                }
            });
        }
        return info;
    }
}
