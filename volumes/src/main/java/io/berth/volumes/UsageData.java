package io.berth.volumes;

/**
 * How much a volume holds and how many containers refer to it, as Docker's {@code UsageData}.
 *
 * @param size     bytes of the files in the data directory (hard links once); -1 when unknown, as for a volume
 *                 whose data lives on a mounted file system
 * @param refCount containers that refer to the volume (any state) or hold it mounted
 */
public record UsageData(long size, long refCount) {
}
