package io.berth.scheduler.internal.api;

import io.berth.agent.engine.ContainerIo;
import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerService;
import io.berth.agent.runtime.ContainerStats;
import io.berth.agent.runtime.TopResult;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code top} and {@code stats} (one reading, or one per second while streaming), in Docker's JSON. */
public final class TopStatsRoutes implements RouteModule {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final ContainerIo io;
    private final ContainerService containers;

    public TopStatsRoutes(ContainerIo io, ContainerService containers) {
        this.io = io;
        this.containers = containers;
    }

    @Override
    public void mount(Router router, Handlers h) {
        router.get("/containers/:id/top").handler(ctx -> h.json(ctx, 200, () -> {
            String args = ctx.request().getParam("ps_args");
            TopResult top = io.top(ctx.pathParam("id"), args == null || args.isBlank() ? List.of()
                    : List.of(args.trim().split("\\s+")));
            return Map.of("Titles", top.titles(), "Processes", top.processes());
        }));
        router.get("/containers/:id/stats").handler(ctx -> stats(ctx, h));
    }

    private void stats(RoutingContext ctx, Handlers h) {
        String id = ctx.pathParam("id");
        boolean stream = !"0".equals(ctx.request().getParam("stream")) && !"false".equals(ctx.request().getParam("stream"));
        boolean oneShot = Handlers.flag(ctx, "one-shot");
        if (!stream) {
            h.json(ctx, 200, () -> {
                Reading first = oneShot ? null : read(id);
                if (first != null) {
                    Thread.sleep(1000);
                }
                return render(id, read(id), first);
            });
            return;
        }
        HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type", "application/json");
        response.writeHead();
        Reading[] previous = {null};
        long timer = ctx.vertx().setPeriodic(0, 1000, t -> h.workers().executeBlocking(() -> {
            Reading now = read(id);
            Map<String, Object> json = render(id, now, previous[0]);
            previous[0] = now;
            return h.json().writeValueAsString(json);
        }, false).onComplete(r -> {
            if (r.succeeded() && !response.ended()) {
                response.write(r.result() + "\n");
            } else if (r.failed() && !response.ended()) {
                response.end();
            }
        }));
        response.closeHandler(v -> ctx.vertx().cancelTimer(timer));
    }

    private record Reading(ContainerStats stats, long systemNanos, ContainerRecord record) {
    }

    private Reading read(String id) {
        ContainerRecord record = containers.resolve(id);
        return new Reading(io.stats(record.id()), systemCpuNanos(), record);
    }

    private static Map<String, Object> render(String id, Reading now, Reading before) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("read", now.stats().readAt().toString());
        json.put("preread", before == null ? "0001-01-01T00:00:00Z" : before.stats().readAt().toString());
        json.put("name", "/" + now.record().name());
        json.put("id", now.record().id());
        json.put("pids_stats", Map.of("current", now.stats().pids().current(), "limit", now.stats().pids().limit()));
        json.put("cpu_stats", cpu(now));
        json.put("precpu_stats", before == null ? Map.of("cpu_usage", Map.of("total_usage", 0), "system_cpu_usage", 0,
                "online_cpus", Runtime.getRuntime().availableProcessors()) : cpu(before));
        json.put("memory_stats", Map.of("usage", now.stats().memory().usage(), "limit",
                Math.min(now.stats().memory().limit(), hostMemory()), "stats", Map.of()));
        json.put("blkio_stats", Map.of("io_service_bytes_recursive", List.of(
                Map.of("major", 0, "minor", 0, "op", "read", "value", now.stats().blockIo().readBytes()),
                Map.of("major", 0, "minor", 0, "op", "write", "value", now.stats().blockIo().writeBytes()))));
        json.put("networks", Map.of());
        return json;
    }

    private static Map<String, Object> cpu(Reading reading) {
        return Map.of("cpu_usage", Map.of("total_usage", reading.stats().cpuUsageNanos()),
                "system_cpu_usage", reading.systemNanos(),
                "online_cpus", Runtime.getRuntime().availableProcessors());
    }

    /** The host's total CPU time (all CPUs, all states) from /proc/stat, in nanoseconds, as Docker computes it. */
    static long systemCpuNanos() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            long ticks = 0;
            String[] fields = line.trim().split("\\s+");
            for (int i = 1; i < fields.length && i <= 8; i++) {
                ticks += Long.parseLong(fields[i]);
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long hostMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Long.MAX_VALUE;
        }
        return Long.MAX_VALUE;
    }
}
