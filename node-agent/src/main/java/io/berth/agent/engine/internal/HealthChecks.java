package io.berth.agent.engine.internal;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.EngineParts;
import io.berth.agent.engine.HealthState;
import io.berth.agent.engine.spec.HealthConfig;
import io.berth.agent.runtime.ExecResult;
import io.berth.agent.runtime.ProcessConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Docker's health checks: a probe ({@code CMD} or {@code CMD-SHELL}) run in the container every interval
 * (default 30 s; {@code start_interval} during the start period), killed after the timeout (default 30 s);
 * {@code retries} (default 3) consecutive failures make it unhealthy, failures within the start period do not
 * count. Results go to the record (shown by {@code ps} and {@code inspect}) and as {@code health_status} events.
 */
final class HealthChecks {
    private static final Logger LOG = Logger.getLogger(HealthChecks.class.getName());
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
    static final int DEFAULT_RETRIES = 3;
    private static final int MAX_OUTPUT = 4096;

    private final EngineParts parts;
    private final Records records;
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    HealthChecks(EngineParts parts, Records records) {
        this.parts = parts;
        this.records = records;
    }

    void started(ContainerRecord record) {
        HealthConfig check = record.config().healthcheck();
        if (check == null || check.disabled()) {
            return;
        }
        Instant startedAt = Instant.parse(record.state().startedAt());
        schedule(record.id(), check, startedAt, firstDelay(check, startedAt));
    }

    private Duration firstDelay(HealthConfig check, Instant startedAt) {
        Duration startPeriod = Duration.ofNanos(check.startPeriod());
        boolean inStart = parts.environment().clock().instant().isBefore(startedAt.plus(startPeriod));
        return inStart && check.startInterval() > 0 ? Duration.ofNanos(check.startInterval()) : interval(check);
    }

    private void schedule(String id, HealthConfig check, Instant startedAt, Duration delay) {
        ScheduledFuture<?> future = parts.environment().scheduler().schedule(() -> probe(id, check, startedAt),
                delay.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = scheduled.put(id, future);
        if (previous != null && previous != future) {
            previous.cancel(false);
        }
    }

    private void probe(String id, HealthConfig check, Instant startedAt) {
        if (!scheduled.containsKey(id)) {
            return;
        }
        Instant start = parts.environment().clock().instant();
        Duration timeout = check.timeout() > 0 ? Duration.ofNanos(check.timeout()) : DEFAULT_TIMEOUT;
        HealthState.Probe result;
        try {
            ExecResult exec = parts.runtime().exec(id, new ProcessConfig(command(check.test()), List.of(), "/", "",
                    false, false), timeout);
            result = new HealthState.Probe(start.toString(), parts.environment().clock().instant().toString(),
                    exec.exitCode(), truncate(exec.stdout() + exec.stderr()));
        } catch (RuntimeException e) {
            result = new HealthState.Probe(start.toString(), parts.environment().clock().instant().toString(), -1,
                    truncate(String.valueOf(e.getMessage())));
        }
        boolean inStartPeriod = start.isBefore(startedAt.plus(Duration.ofNanos(check.startPeriod())));
        HealthState.Probe probe = result;
        try {
            ContainerRecord before = records.resolve(id);
            String oldStatus = before.state().health() == null ? "" : before.state().health().status();
            int retries = check.retries() > 0 ? check.retries() : DEFAULT_RETRIES;
            ContainerRecord after = records.update(id, r -> r.state().status().isAlive()
                    ? r.withState(r.state().withHealth((r.state().health() == null ? HealthState.starting()
                    : r.state().health()).after(probe, retries, inStartPeriod))) : r);
            String newStatus = after.state().health() == null ? "" : after.state().health().status();
            if (!newStatus.equals(oldStatus)) {
                parts.events().publish("container", "health_status: " + newStatus, id, Map.of("name", after.name(),
                        "image", after.image()));
            }
            if (after.state().status().isAlive()) {
                schedule(id, check, startedAt, firstDelay(check, startedAt));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "health check of " + id + " stopped", e);
            scheduled.remove(id);
        }
    }

    static List<String> command(List<String> test) {
        String kind = test.get(0);
        return switch (kind) {
            case "CMD" -> test.subList(1, test.size());
            case "CMD-SHELL" -> List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
            default -> test;
        };
    }

    private static Duration interval(HealthConfig check) {
        return check.interval() > 0 ? Duration.ofNanos(check.interval()) : DEFAULT_INTERVAL;
    }

    private static String truncate(String output) {
        return output.length() <= MAX_OUTPUT ? output : output.substring(0, MAX_OUTPUT);
    }

    void stopped(String id) {
        ScheduledFuture<?> future = scheduled.remove(id);
        if (future != null) {
            future.cancel(false);
        }
    }

    void close() {
        scheduled.values().forEach(f -> f.cancel(false));
        scheduled.clear();
    }
}
