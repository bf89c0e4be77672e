package io.berth.agent.engine;

import io.berth.agent.engine.spec.HostConfig.RestartPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * Docker's restart policies as one pure decision: after an exit, restart or not, and after what delay.
 * {@code no} never; {@code always} always unless the user stopped it; {@code unless-stopped} likewise (the two
 * differ only at daemon start, see {@link #restartsAtDaemonStart}); {@code on-failure[:N]} on a non-zero exit,
 * at most N times when N > 0. The delay starts at 100 ms and doubles per consecutive restart up to one minute,
 * and starts over when the container ran at least 10 seconds (as dockerd does).
 */
public final class RestartRule {
    static final Duration FIRST_DELAY = Duration.ofMillis(100);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);
    static final Duration RESET_AFTER = Duration.ofSeconds(10);

    private RestartRule() {
    }

    /** Checks a policy name as the API receives it. */
    public static RestartPolicy validate(RestartPolicy policy) {
        String name = policy.name();
        switch (name) {
            case "no", "always", "unless-stopped" -> {
                if (policy.maximumRetryCount() != 0) {
                    throw new IllegalArgumentException("invalid restart policy: maximum retry count can only be "
                            + "used with 'on-failure'");
                }
            }
            case "on-failure" -> {
                if (policy.maximumRetryCount() < 0) {
                    throw new IllegalArgumentException("invalid restart policy: maximum retry count cannot be "
                            + "negative");
                }
            }
            default -> throw new IllegalArgumentException("invalid restart policy '" + name
                    + "': use no, always, unless-stopped or on-failure[:max-retries]");
        }
        return policy;
    }

    /**
     * Whether to restart after an exit, and the delay.
     *
     * @param consecutive restarts since the container last ran for {@link #RESET_AFTER}
     * @param ran         how long the exited process ran
     */
    public static Optional<Duration> afterExit(RestartPolicy policy, int exitCode, boolean stoppedByUser,
                                               int restartCount, int consecutive, Duration ran) {
        if (stoppedByUser) {
            return Optional.empty();
        }
        boolean restart = switch (policy.name()) {
            case "always", "unless-stopped" -> true;
            case "on-failure" -> exitCode != 0
                    && (policy.maximumRetryCount() == 0 || restartCount < policy.maximumRetryCount());
            default -> false;
        };
        if (!restart) {
            return Optional.empty();
        }
        int steps = ran.compareTo(RESET_AFTER) >= 0 ? 0 : Math.min(consecutive, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << steps);
        return Optional.of(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    /** Whether berthd starts the container again when berthd itself starts and finds it not running. */
    public static boolean restartsAtDaemonStart(RestartPolicy policy, boolean desiredRunning, int lastExitCode) {
        return switch (policy.name()) {
            case "always" -> true;
            case "unless-stopped" -> desiredRunning;
            case "on-failure" -> desiredRunning && lastExitCode != 0;
            default -> false;
        };
    }
}
