package io.berth.agent.engine;

import io.berth.agent.engine.spec.HealthConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the engine needs from the node's images: resolve a reference to a local image and its defaults, and
 * give each container a root file system (an overlay over the image's snapshots). Implemented over the image
 * store; a fake in engine unit tests.
 */
public interface ImagePort {
    /** The local image a reference or ID names; NOT_FOUND "No such image: busybox:latest" when absent. */
    LocalImage resolve(String reference);

    /** Mounts a new (or the existing) root file system of {@code containerId} over {@code imageId}. */
    RootFs mountRootfs(String containerId, String imageId);

    /** Unmounts a container's root file system (idempotent); its writable layer stays. */
    void unmountRootfs(String containerId);

    /** Unmounts and deletes the container's writable layer (idempotent). */
    void removeRootfs(String containerId);

    /** Inspect's GraphDriver.Data of a container's root file system (empty when it has none). */
    Map<String, String> graphDriver(String containerId);

    /** Size of the container's writable layer in bytes (0 when none). */
    long writableSize(String containerId);

    /** An image as the engine sees it: ID ({@code sha256:...}), the name it was asked by, its defaults, its size. */
    record LocalImage(String id, String reference, ImageDefaults defaults, long size) {
    }

    /** The parts of an image's config a container inherits. */
    record ImageDefaults(List<String> env, List<String> cmd, List<String> entrypoint, String workingDir, String user,
                         Map<String, Object> volumes, Map<String, Object> exposedPorts, Map<String, String> labels,
                         String stopSignal, HealthConfig healthcheck) {
        public static ImageDefaults empty() {
            return new ImageDefaults(List.of(), List.of(), List.of(), "", "", Map.of(), Map.of(), Map.of(), "", null);
        }
    }

    /** A mounted root file system: the merged directory and the overlay's directories (for inspect). */
    record RootFs(Path merged, Map<String, String> graphDriverData) {
    }
}
