/**
 * Container root filesystems: overlayfs mounts (by the mount(2) call) of an image's snapshots under
 * {@code <dataRoot>/c/<id>/}, and what Docker derives from a writable layer: diff, commit, export.
 * Invariants: a root filesystem's record is written before its mount and deleted only after its unmount; its
 * snapshots are kept while it exists, even if its image is removed by force.
 */
package io.berth.agent.image.internal.rootfs;
