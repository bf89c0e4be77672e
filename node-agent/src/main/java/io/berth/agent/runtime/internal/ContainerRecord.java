package io.berth.agent.runtime.internal;

/**
 * What Berth remembers of a container next to its bundle ({@code container.json}), for the operations that need
 * more than the runtime knows: stop signal, stdio mode, log options, cgroup path. Wire type (Jackson).
 */
record ContainerRecord(String id, String name, String stopSignal, boolean tty, boolean openStdin, long logMaxSize,
                       int logMaxFile, String cgroupsPath, String rootfs, String createdAt) {
}
