package io.berth.agent.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The health of a container as Docker reports it: {@code starting}, {@code healthy} or {@code unhealthy}, the
 * number of consecutive failures and the last five probe results.
 */
public record HealthState(@JsonProperty("Status") String status, @JsonProperty("FailingStreak") int failingStreak,
                          @JsonProperty("Log") List<Probe> log) {
    public static final String STARTING = "starting";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
    static final int KEEP = 5;

    public HealthState {
        log = log == null ? List.of() : List.copyOf(log);
    }

    public static HealthState starting() {
        return new HealthState(STARTING, 0, List.of());
    }

    /**
     * The state after one probe. A failure during the start period does not count (Docker's rule), a success
     * always makes the container healthy, {@code retries} consecutive failures make it unhealthy.
     */
    public HealthState after(Probe probe, int retries, boolean inStartPeriod) {
        List<Probe> newLog = new ArrayList<>(log);
        newLog.add(probe);
        while (newLog.size() > KEEP) {
            newLog.remove(0);
        }
        if (probe.exitCode() == 0) {
            return new HealthState(HEALTHY, 0, newLog);
        }
        if (inStartPeriod) {
            return new HealthState(status, failingStreak, newLog);
        }
        int streak = failingStreak + 1;
        return new HealthState(streak >= Math.max(1, retries) ? UNHEALTHY : status, streak, newLog);
    }

    /** One probe: when it started and ended (RFC 3339), its exit code and its output (at most 4 KiB). */
    public record Probe(@JsonProperty("Start") String start, @JsonProperty("End") String end,
                        @JsonProperty("ExitCode") int exitCode, @JsonProperty("Output") String output) {
    }
}
