package io.berth.agent.image;

import io.berth.agent.image.spec.ImageConfig;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The images of this node. References may be given as users type them ({@code busybox}, {@code busybox:1.36},
 * {@code sha256:3cce...}, any unique ID prefix such as {@code 3cce18}, {@code busybox@sha256:...}); names are
 * kept normalized ({@code docker.io/library/busybox:latest}). Every method blocks (file I/O, unpacking): call
 * it on a worker thread. Errors are {@code BerthException}s (NOT_FOUND "No such image", CONFLICT...).
 */
public interface ImageStore {
    /**
     * Records the image whose manifest (or index: the linux/amd64 entry is used) is in the content store with its
     * config and layers, unpacking every layer not yet unpacked (in parallel, diff IDs verified), and gives it
     * {@code names} (moved from any image that had them) and {@code repoDigests}. Pull, load, import and commit
     * end here. Returns the image; calling it again for the same image only adds names.
     */
    Image create(Digest manifest, List<String> names, List<String> repoDigests) throws IOException;

    /** Images matching the filter, newest first. */
    List<Image> list(ImageFilter filter) throws IOException;

    Optional<Image> find(String reference) throws IOException;

    /** Like {@link #find} but throws NOT_FOUND "No such image: REF". */
    Image get(String reference) throws IOException;

    /** The image's config blob, parsed (what a container of it runs: env, cmd, entrypoint, user...). */
    ImageConfig config(Image image) throws IOException;

    /** Gives the image {@code source} the name {@code target} ({@code docker tag}); returns the image. */
    Image tag(String source, String target) throws IOException;

    /** {@code docker rmi}: untags, and deletes the image (and its unused blobs and snapshots) when no name remains. */
    List<ImageDeleteItem> remove(String reference, boolean force) throws IOException;

    /** {@code docker image prune}: dangling images, or with {@code all} every image no container uses. */
    PruneReport prune(boolean all, ImageFilter filter) throws IOException;

    /** {@code docker history}, newest first. */
    List<HistoryEntry> history(String reference) throws IOException;

    /** {@code docker image inspect}. */
    ImageInspect inspect(String reference) throws IOException;
}
