package io.berth.agent.engine;

/**
 * What was last observed of a container's process (the {@code State} of {@code inspect}): status, PID, exit
 * code, error, start and finish times (RFC 3339; Docker's zero time {@value #ZERO_TIME} when never), whether
 * the kernel's OOM killer ended it, and its health when it has a check.
 */
public record ContainerState(ContainerStatus status, int pid, int exitCode, String error, String startedAt,
                             String finishedAt, boolean oomKilled, HealthState health) {
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    public static ContainerState created() {
        return new ContainerState(ContainerStatus.CREATED, 0, 0, "", ZERO_TIME, ZERO_TIME, false, null);
    }

    public ContainerState running(int newPid, String now, HealthState newHealth) {
        return new ContainerState(ContainerStatus.RUNNING, newPid, 0, "", now, ZERO_TIME, false, newHealth);
    }

    public ContainerState exited(int code, String now, boolean oom, String newError) {
        return new ContainerState(ContainerStatus.EXITED, 0, code, newError == null ? "" : newError, startedAt,
                now, oom, health);
    }

    public ContainerState withStatus(ContainerStatus newStatus) {
        return new ContainerState(newStatus, pid, exitCode, error, startedAt, finishedAt, oomKilled, health);
    }

    public ContainerState withHealth(HealthState newHealth) {
        return new ContainerState(status, pid, exitCode, error, startedAt, finishedAt, oomKilled, newHealth);
    }

    public ContainerState withError(String newError) {
        return new ContainerState(status, pid, exitCode, newError, startedAt, finishedAt, oomKilled, health);
    }
}
