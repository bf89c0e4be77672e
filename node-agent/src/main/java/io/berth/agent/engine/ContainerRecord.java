package io.berth.agent.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.berth.agent.engine.spec.ContainerConfig;
import io.berth.agent.engine.spec.HostConfig;
import java.util.List;

/**
 * One container as the cluster stores it: identity, the spec the user gave ({@code config}, {@code
 * hostConfig}, in Docker's shape) with the image resolved to an ID, the node it lives on, and the last
 * observed {@code state}. {@code version} grows by one with every change (compare-and-set in the store).
 * {@code desiredRunning} is what the user last asked (start/stop), which the restart policy honours; {@code
 * mounts} are the prepared mounts (host paths), so a restart needs no new volume work.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerRecord(long version, String id, String name, String created, String node, String image,
                              String imageId, ContainerConfig config, HostConfig hostConfig, ContainerState state,
                              int restartCount, boolean desiredRunning, List<String> anonymousVolumes,
                              List<ContainerView.MountView> mounts) {
    public ContainerRecord {
        anonymousVolumes = anonymousVolumes == null ? List.of() : List.copyOf(anonymousVolumes);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("container ID must be 64 lowercase hex characters: " + id);
        }
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    /** The same record at another version (the store's update sets the next version once per change). */
    public ContainerRecord withVersion(long newVersion) {
        return new ContainerRecord(newVersion, id, name, created, node, image, imageId, config, hostConfig, state,
                restartCount, desiredRunning, anonymousVolumes, mounts);
    }

    public ContainerRecord withState(ContainerState newState) {
        return new ContainerRecord(version, id, name, created, node, image, imageId, config, hostConfig,
                newState, restartCount, desiredRunning, anonymousVolumes, mounts);
    }

    public ContainerRecord withDesiredRunning(boolean running) {
        return new ContainerRecord(version, id, name, created, node, image, imageId, config, hostConfig, state,
                restartCount, running, anonymousVolumes, mounts);
    }

    public ContainerRecord withRestartCount(int count) {
        return new ContainerRecord(version, id, name, created, node, image, imageId, config, hostConfig, state,
                count, desiredRunning, anonymousVolumes, mounts);
    }

    public ContainerRecord withName(String newName) {
        return new ContainerRecord(version, id, newName, created, node, image, imageId, config, hostConfig,
                state, restartCount, desiredRunning, anonymousVolumes, mounts);
    }
}
