/**
 * Images on a node: the OCI content store (sha256 blobs, atomic verified ingest), image records and
 * tags, layer snapshots keyed by chain ID, and container root filesystems as overlayfs mounts.
 * {@link io.berth.agent.image.Digest}, {@link io.berth.agent.image.BlobReader} and
 * {@link io.berth.agent.image.BlobWriter} are the seams the registry client and the builder use.
 */
package io.berth.agent.image;
