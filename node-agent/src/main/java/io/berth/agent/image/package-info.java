/**
 * Images on a node: {@link io.berth.agent.image.Images} wires the OCI content store
 * ({@link io.berth.agent.image.ContentStore}: sha256 blobs, atomic verified ingest), image records and Docker's
 * image commands ({@link io.berth.agent.image.ImageStore}), layer snapshots keyed by chain ID, container root
 * filesystems as overlayfs mounts ({@link io.berth.agent.image.ContainerFilesystems}) and archives
 * ({@link io.berth.agent.image.ImageArchives}). {@link io.berth.agent.image.Digest},
 * {@link io.berth.agent.image.BlobReader} and {@link io.berth.agent.image.BlobWriter} are the seams the registry
 * client and the builder use. Everything here blocks: call it on worker threads. Names are kept normalized.
 */
package io.berth.agent.image;
