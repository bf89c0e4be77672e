package io.berth.agent.runtime;

import java.time.Instant;

/**
 * An observation of one container: status, the host pid of its first process (0 when not running), the exit code
 * (-1 while unknown), when it started and finished (null when it did not).
 */
public record ContainerState(String id, ContainerStatus status, int pid, int exitCode, Instant startedAt,
                             Instant finishedAt) {
    public boolean isRunning() {
        return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED;
    }
}
