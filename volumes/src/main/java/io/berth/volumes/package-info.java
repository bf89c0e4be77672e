/**
 * Node-local volumes and mounts, the API the daemon calls on worker threads (everything here blocks). Parsing:
 * {@link io.berth.volumes.MountSpecParser} turns Docker's {@code -v}, {@code --mount} and {@code --tmpfs} values
 * into {@link io.berth.volumes.MountRequest}s ({@link io.berth.volumes.BindMount},
 * {@link io.berth.volumes.VolumeMount}, {@link io.berth.volumes.TmpfsMount}) with Docker's rules and messages.
 * Volumes: {@link io.berth.volumes.VolumeStore} (local driver) creates, lists, removes and prunes named volumes
 * under {@code <dataRoot>/volumes/<name>/_data}, mounts those with mount options while a container uses them, and
 * copies image content into an empty volume. Containers: {@link io.berth.volumes.ContainerMounts} ties both to a
 * container's create/start/stop/remove and yields {@link io.berth.volumes.OciMount} entries via
 * {@link io.berth.volumes.OciMountConverter}. Invariants: mount targets are absolute and clean; a volume in use
 * (referenced by a container per {@link io.berth.volumes.VolumeUsage}, or mounted for one) is never removed; a
 * volume's file system is mounted exactly while it has users; errors are
 * {@link io.berth.compose.BerthException}s with Docker's wording.
 */
package io.berth.volumes;
