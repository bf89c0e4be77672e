package io.berth.agent.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rest of Docker's HostConfig that shapes the process: {@code init} (a tiny init as PID 1), the stop signal
 * (name or number, default {@code SIGTERM}), ulimits (never above berthd's own hard limits), the OOM score
 * adjustment (null: inherit), sysctls and the log options.
 */
public record RuntimeOptions(boolean init, String stopSignal, List<Ulimit> ulimits, Integer oomScoreAdj,
                             Map<String, String> sysctls, LogConfig log) {
    public RuntimeOptions {
        stopSignal = stopSignal == null || stopSignal.isEmpty() ? "SIGTERM" : stopSignal;
        ulimits = ulimits == null ? List.of() : List.copyOf(ulimits);
        sysctls = sysctls == null ? Map.of() : Map.copyOf(sysctls);
        log = Objects.requireNonNullElse(log, LogConfig.unlimited());
        if (oomScoreAdj != null && (oomScoreAdj < -1000 || oomScoreAdj > 1000)) {
            throw new IllegalArgumentException("oom-score-adj must be between -1000 and 1000, got " + oomScoreAdj);
        }
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(false, "SIGTERM", List.of(), null, Map.of(), LogConfig.unlimited());
    }
}
