package io.berth.agent.image;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Container root filesystems on overlayfs: {@code <dataRoot>/c/<id>/{upper,work,merged}} over the image's
 * snapshots. {@code containerKey} is the daemon's container ID; the directory id is short (three base-36
 * characters) so mount options stay small. Mounts survive a berthd restart; {@link #mount} of a key that exists
 * returns it (mounting again if needed). Blocking: call on a worker thread.
 */
public interface ContainerFilesystems {
    /** Creates (first time) and mounts the root filesystem of a container of the image. */
    RootFs mount(String containerKey, Digest imageId) throws IOException;

    Optional<RootFs> get(String containerKey) throws IOException;

    /** Every root filesystem this store made (to re-adopt or clean up after a restart). */
    List<RootFs> list() throws IOException;

    /** Unmounts; the writable layer stays (a stopped container keeps its changes). No-op when not mounted. */
    void unmount(String containerKey) throws IOException;

    /** Unmounts and deletes the writable layer: the container is gone. No-op for an unknown key. */
    void remove(String containerKey) throws IOException;

    /** {@code docker diff}: what the container added (A), changed (C) or deleted (D), sorted by path. */
    List<Change> diff(String containerKey) throws IOException;

    /** {@code docker commit}: the writable layer as a new layer on the container's image. */
    Image commit(String containerKey, NewImage image) throws IOException;

    /** {@code docker export}: a tar of the container's whole root filesystem (mounted for the time if needed). */
    void export(String containerKey, OutputStream out) throws IOException;
}
