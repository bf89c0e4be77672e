package io.berth.agent.engine;

import io.berth.agent.engine.spec.HostConfig;
import io.berth.agent.runtime.MountEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the engine needs from volumes, at each step of a container's life: at create, turn its {@code Binds},
 * {@code Mounts}, {@code Tmpfs} and the image's {@code VOLUME}s into mounts (creating named and anonymous
 * volumes, copying image content into empty ones); at start, acquire them and give the OCI mount entries; after
 * an exit, release them; at removal, drop anonymous volumes. Each step is all-or-nothing.
 */
public interface MountPort {
    /** Create time; {@code rootfs} is the container's mounted root file system (for copy-up). */
    List<ContainerView.MountView> prepare(String containerId, HostConfig hostConfig, Map<String, Object> imageVolumes,
                                          Path rootfs);

    /** Undoes {@link #prepare} of a create that failed later: removes the anonymous volumes it made. */
    void discard(List<ContainerView.MountView> mounts);

    /** Start time: acquires the volumes and returns the runtime's mount entries, parents before children. */
    List<MountEntry> mount(String containerId, List<ContainerView.MountView> mounts);

    /** After an exit, or at removal: releases the container's volumes (idempotent). */
    void unmount(String containerId, List<ContainerView.MountView> mounts);

    /** {@code rm -v} / {@code --rm}: removes the container's anonymous volumes that nobody else uses. */
    void removeAnonymous(List<ContainerView.MountView> mounts);
}
