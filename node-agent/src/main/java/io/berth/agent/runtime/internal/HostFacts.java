package io.berth.agent.runtime.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the spec writer needs to know about the host, gathered once at start-up (so spec writing is pure and
 * testable): berthd's bounding capabilities and hard limits, whether the kernel has blkio weights and swap
 * accounting, the host name, the host's devices (for privileged containers), and which sysctls exist.
 */
record HostFacts(Set<String> boundingCaps, HostLimits limits, boolean blkioWeight, boolean swapLimit,
                 String hostname, Supplier<List<OciSpec.Device>> hostDevices, Predicate<String> sysctlExists) {
}
