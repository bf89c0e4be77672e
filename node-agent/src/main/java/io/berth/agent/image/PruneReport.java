package io.berth.agent.image;

import java.util.List;

/** What {@code image prune} removed and the bytes it freed (the unpacked size of the snapshots removed). */
public record PruneReport(List<ImageDeleteItem> deleted, long spaceReclaimed) {
    public PruneReport {
        deleted = List.copyOf(deleted);
    }
}
