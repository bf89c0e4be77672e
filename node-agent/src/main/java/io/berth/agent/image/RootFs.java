package io.berth.agent.image;

import java.nio.file.Path;

/**
 * A container's root filesystem: an overlayfs mount at {@code merged} of the image's snapshots (lower) and the
 * container's writable {@code upper} directory. {@code merged} is what the OCI bundle's {@code root.path} names.
 */
public record RootFs(String containerKey, Digest imageId, Path merged, Path upper, Path work, boolean mounted) {
}
