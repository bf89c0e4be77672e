package io.berth.agent.image;

/**
 * One layer of an image: the blob as stored ({@code digest}, {@code mediaType}, {@code size} compressed),
 * its diff ID (digest of the uncompressed tar), the chain ID of the stack up to it, and the bytes of its regular
 * files ({@code unpackedSize}).
 */
public record ImageLayer(Digest digest, String mediaType, long size, Digest diffId, Digest chainId, long unpackedSize) {
}
