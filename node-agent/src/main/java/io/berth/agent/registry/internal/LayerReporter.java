package io.berth.agent.registry.internal;

import io.berth.agent.registry.LayerProgress;
import io.berth.agent.registry.ProgressState;
import java.time.Clock;
import java.util.function.Consumer;

/** Reports one blob's progress, sending byte counts at most every 100 ms (and always the last one). */
final class LayerReporter {
    static final LayerReporter SILENT = new LayerReporter("", -1, p -> { }, null);
    private static final long INTERVAL_MILLIS = 100;

    private final String id;
    private final long total;
    private final Consumer<LayerProgress> listener;
    private final Clock clock;
    private volatile long lastSent = Long.MIN_VALUE / 2;

    LayerReporter(String id, long total, Consumer<LayerProgress> listener, Clock clock) {
        this.id = id;
        this.total = total;
        this.listener = listener;
        this.clock = clock;
    }

    void state(ProgressState state) {
        listener.accept(LayerProgress.of(id, state, 0, total));
    }

    void state(ProgressState state, String detail) {
        listener.accept(new LayerProgress(id, state, 0, total, detail));
    }

    /** A byte count in state {@code state} (Downloading or Pushing), throttled. */
    void bytes(ProgressState state, long current) {
        if (clock == null) {
            return;
        }
        long now = clock.millis();
        if (current < total && now - lastSent < INTERVAL_MILLIS) {
            return;
        }
        lastSent = now;
        listener.accept(LayerProgress.of(id, state, current, total));
    }
}
