package io.berth.agent.runtime.internal;

import java.nio.file.Path;

/** Where the container's own files are, which cgroup parent and init binary to use, and the host's facts. */
record SpecInputs(Path containerDir, String cgroupParent, Path initBinary, HostFacts facts) {
}
