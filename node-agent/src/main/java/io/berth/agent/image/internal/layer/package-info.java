/**
 * Layers as tar streams: {@link io.berth.agent.image.internal.layer.LayerUnpacker} (tar → overlayfs layer
 * directory, safe against names and links that point outside), {@link
 * io.berth.agent.image.internal.layer.LayerWriter} (directory → sorted, deterministic tar, overlay whiteouts
 * turned back into {@code .wh.} entries) and {@link io.berth.agent.image.internal.layer.ParallelGzipOutputStream}
 * (gzip on every core). Invariant: extraction never creates, changes or follows anything outside its target.
 */
package io.berth.agent.image.internal.layer;
