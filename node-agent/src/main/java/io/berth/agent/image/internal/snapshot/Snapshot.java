package io.berth.agent.image.internal.snapshot;

import io.berth.agent.image.Digest;

/**
 * One unpacked layer: its chain ID (identity), the short directory id under {@code <dataRoot>/s/}, its diff
 * ID, the parent chain (null for a base layer), the bytes of its regular files (Docker's layer size) and the
 * size of its uncompressed tar (what save writes).
 */
public record Snapshot(String chainId, String dir, String diffId, String parent, long size, long tarSize) {
    public Digest chain() {
        return Digest.parse(chainId);
    }
}
