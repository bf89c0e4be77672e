package io.berth.agent.runtime;

/**
 * Told when a container's process exits (from conmon's exit file, seen through inotify). Called on the runtime's
 * exit-watcher thread: return quickly, hand real work to a worker.
 */
@FunctionalInterface
public interface ExitListener {
    void exited(ContainerState state);
}
