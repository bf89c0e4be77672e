package io.berth.agent.registry;

/**
 * Receives per-layer progress of a pull. Called from several threads (layers download in parallel); must be
 * thread-safe, quick and must not throw.
 */
@FunctionalInterface
public interface PullListener {
    PullListener NONE = progress -> { };

    void onProgress(LayerProgress progress);
}
