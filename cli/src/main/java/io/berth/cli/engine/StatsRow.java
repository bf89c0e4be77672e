package io.berth.cli.engine;

import io.berth.cli.client.Json;
import io.berth.cli.format.TemplateObject;
import io.berth.cli.format.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One sample of {@code GET /containers/{id}/stats} with docker's {@code stats} columns and arithmetic. */
record StatsRow(String container, Map<String, Object> s, boolean trunc) implements TemplateObject {
    static final Map<String, String> HEADERS = Map.of("ID", "CONTAINER ID", "Container", "CONTAINER", "Name", "NAME",
            "CPUPerc", "CPU %", "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET I/O",
            "BlockIO", "BLOCK I/O", "PIDs", "PIDS");
    static final String DEFAULT = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}"
            + "\t{{.BlockIO}}\t{{.PIDs}}";

    @Override
    public Object field(String name, List<Object> args) {
        return switch (name) {
            case "ID" -> trunc ? ImageRefs.shortId(Json.string(s.get("id"))) : Json.string(s.get("id"));
            case "Container" -> container;
            case "Name" -> {
                String n = Json.string(s.get("name"));
                yield n.startsWith("/") ? n.substring(1) : n;
            }
            case "CPUPerc" -> String.format(Locale.ROOT, "%.2f%%", cpuPercent());
            case "MemUsage" -> Units.bytesSize(memUsed()) + " / " + Units.bytesSize(memLimit());
            case "MemPerc" -> String.format(Locale.ROOT, "%.2f%%", memLimit() == 0 ? 0.0 : memUsed() / memLimit() * 100);
            case "NetIO" -> netIo();
            case "BlockIO" -> blockIo();
            case "PIDs" -> Long.toString(Json.number(Json.path(s, "pids_stats", "current")));
            default -> MISSING;
        };
    }

    @Override
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : List.of("BlockIO", "CPUPerc", "Container", "ID", "MemPerc", "MemUsage", "Name", "NetIO",
                "PIDs")) {
            m.put(f, field(f, List.of()));
        }
        return m;
    }

    /** Docker's Linux formula: (Δcontainer / Δsystem) × online CPUs × 100. */
    double cpuPercent() {
        double cpu = Json.number(Json.path(s, "cpu_stats", "cpu_usage", "total_usage"))
                - Json.number(Json.path(s, "precpu_stats", "cpu_usage", "total_usage"));
        double system = Json.number(Json.path(s, "cpu_stats", "system_cpu_usage"))
                - Json.number(Json.path(s, "precpu_stats", "system_cpu_usage"));
        double online = Json.number(Json.path(s, "cpu_stats", "online_cpus"));
        if (online == 0) {
            online = Json.list(Json.path(s, "cpu_stats", "cpu_usage", "percpu_usage")).size();
        }
        return system > 0 && cpu > 0 ? cpu / system * online * 100.0 : 0.0;
    }

    /** Usage without the page cache: {@code total_inactive_file} (cgroup v1) or {@code inactive_file} (v2). */
    double memUsed() {
        double usage = Json.number(Json.path(s, "memory_stats", "usage"));
        Map<String, Object> stats = Json.map(Json.path(s, "memory_stats", "stats"));
        Object v1 = stats.get("total_inactive_file");
        if (v1 instanceof Number n && n.doubleValue() < usage) {
            return usage - n.doubleValue();
        }
        Object v2 = stats.get("inactive_file");
        if (v2 instanceof Number n && n.doubleValue() < usage) {
            return usage - n.doubleValue();
        }
        return usage;
    }

    double memLimit() {
        return Json.number(Json.path(s, "memory_stats", "limit"));
    }

    private String netIo() {
        long rx = 0;
        long tx = 0;
        for (Object n : Json.map(s.get("networks")).values()) {
            rx += Json.number(Json.map(n).get("rx_bytes"));
            tx += Json.number(Json.map(n).get("tx_bytes"));
        }
        return Units.humanSize(rx) + " / " + Units.humanSize(tx);
    }

    private String blockIo() {
        long read = 0;
        long write = 0;
        for (Object e : Json.list(Json.path(s, "blkio_stats", "io_service_bytes_recursive"))) {
            Map<String, Object> m = Json.map(e);
            String op = Json.string(m.get("op")).toLowerCase(Locale.ROOT);
            if (op.equals("read")) {
                read += Json.number(m.get("value"));
            } else if (op.equals("write")) {
                write += Json.number(m.get("value"));
            }
        }
        return Units.humanSize(read) + " / " + Units.humanSize(write);
    }
}
