package io.berth.agent.registry;

/**
 * Receives per-layer progress of a push. Called from several threads (blobs upload in parallel); must be
 * thread-safe, quick and must not throw.
 */
@FunctionalInterface
public interface PushListener {
    PushListener NONE = progress -> { };

    void onProgress(LayerProgress progress);
}
