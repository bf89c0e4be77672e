package io.berth.agent.runtime;

/**
 * CPU limits with Docker's units: {@code nanoCpus} is {@code --cpus} times 10^9 (becomes a CFS quota over a
 * 100 ms period), {@code shares} is {@code --cpu-shares}, {@code cpusetCpus} is {@code --cpuset-cpus}. Zero or
 * empty means "not set".
 */
public record CpuLimits(long nanoCpus, long shares, String cpusetCpus) {
    public CpuLimits {
        if (nanoCpus < 0 || shares < 0) {
            throw new IllegalArgumentException("cpus and cpu-shares must not be negative");
        }
        cpusetCpus = cpusetCpus == null ? "" : cpusetCpus;
    }

    public static CpuLimits none() {
        return new CpuLimits(0, 0, "");
    }
}
