package io.berth.agent.image;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code docker history}, newest first: {@code id} is the image ID on the top row and
 * {@code <missing>} below (layers of a pulled image are not images), {@code size} the layer's bytes (0 for
 * steps that made no layer).
 */
public record HistoryEntry(String id, Instant created, String createdBy, long size, String comment, List<String> tags) {
    public static final String MISSING = "<missing>";

    public HistoryEntry {
        tags = List.copyOf(tags);
    }
}
