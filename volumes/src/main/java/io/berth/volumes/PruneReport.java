package io.berth.volumes;

import java.util.List;

/**
 * What {@code volume prune} removed.
 *
 * @param volumesDeleted names, in the order removed
 * @param spaceReclaimed bytes their data held
 */
public record PruneReport(List<String> volumesDeleted, long spaceReclaimed) {
    public PruneReport {
        volumesDeleted = List.copyOf(volumesDeleted);
    }
}
