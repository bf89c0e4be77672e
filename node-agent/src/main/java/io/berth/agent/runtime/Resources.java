package io.berth.agent.runtime;

import java.util.Objects;

/**
 * cgroup limits with Docker's meaning: {@code memory} and {@code memorySwap} in bytes (0 unset; memorySwap -1
 * unlimited, otherwise memory + swap as Docker's {@code --memory-swap}), {@code pidsLimit} (0 unset, -1
 * unlimited), {@code blkioWeight} 10..1000 (0 unset; honoured only where the kernel has the file).
 */
public record Resources(long memory, long memorySwap, CpuLimits cpu, long pidsLimit, int blkioWeight) {
    public Resources {
        cpu = Objects.requireNonNullElse(cpu, CpuLimits.none());
        if (memory < 0) {
            throw new IllegalArgumentException("memory limit must not be negative");
        }
        if (memorySwap < -1) {
            throw new IllegalArgumentException("memory-swap must be -1 (unlimited), 0 (unset) or a size");
        }
        if (memorySwap > 0 && memory > 0 && memorySwap < memory) {
            throw new IllegalArgumentException("memory-swap (" + memorySwap + ") must be at least the memory limit ("
                    + memory + "): it counts memory plus swap");
        }
        if (memorySwap > 0 && memory == 0) {
            throw new IllegalArgumentException("memory-swap needs a memory limit too (set --memory)");
        }
        if (blkioWeight != 0 && (blkioWeight < 10 || blkioWeight > 1000)) {
            throw new IllegalArgumentException("blkio-weight must be between 10 and 1000, got " + blkioWeight);
        }
    }

    public static Resources none() {
        return new Resources(0, 0, CpuLimits.none(), 0, 0);
    }
}
