package io.berth.agent.engine;

import io.berth.agent.engine.spec.HostConfig;
import io.berth.agent.runtime.MountEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the engine needs from volumes: turn a container's {@code Binds}, {@code Mounts}, {@code Tmpfs} and the
 * image's {@code VOLUME}s into OCI mounts (creating anonymous volumes, mounting volumes with options, copying
 * image content into empty volumes), and give them back when the container goes.
 */
public interface MountPort {
    /**
     * Prepares every mount of a container; on failure nothing stays acquired or created.
     *
     * @param rootfs the container's mounted root file system (for copy-up of image content)
     */
    Prepared prepare(String containerId, HostConfig hostConfig, Map<String, Object> imageVolumes, Path rootfs);

    /** Acquires the container's volumes again (start after a stop, or after a daemon restart). */
    void reacquire(String containerId, List<ContainerView.MountView> mounts);

    /** Releases the volumes of a container that stopped or goes away (idempotent). */
    void release(String containerId, List<ContainerView.MountView> mounts);

    /** Removes anonymous volumes (docker rm -v); volumes still in use elsewhere are kept. */
    void removeAnonymous(List<String> names);

    /** The prepared mounts: runtime entries, the views inspect shows, the anonymous volumes created. */
    record Prepared(List<MountEntry> entries, Map<String, String> tmpfs, List<ContainerView.MountView> views,
                    List<String> anonymousVolumes) {
    }
}
