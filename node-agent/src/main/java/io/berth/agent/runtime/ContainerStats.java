package io.berth.agent.runtime;

import java.time.Instant;

/**
 * One reading of a container's cgroup accounting: memory usage and limit (bytes; limit {@code Long.MAX_VALUE}
 * when unlimited), CPU time used (ns), number of processes and their limit (0: unlimited), block I/O bytes.
 */
public record ContainerStats(String id, Instant readAt, Memory memory, long cpuUsageNanos, Pids pids, BlockIo blockIo) {
    public record Memory(long usage, long limit) {
    }

    public record Pids(long current, long limit) {
    }

    public record BlockIo(long readBytes, long writeBytes) {
    }
}
