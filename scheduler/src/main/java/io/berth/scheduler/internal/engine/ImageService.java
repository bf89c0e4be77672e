package io.berth.scheduler.internal.engine;

import io.berth.agent.engine.ContainerService;
import io.berth.agent.engine.ContainerView;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageArchives;
import io.berth.agent.image.ImageDeleteItem;
import io.berth.agent.image.ImageFilter;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.Images;
import io.berth.agent.image.NewImage;
import io.berth.agent.image.PruneReport;
import io.berth.agent.registry.CredentialStore;
import io.berth.agent.registry.Credentials;
import io.berth.agent.registry.PushResult;
import io.berth.agent.registry.RegistryClient;
import io.berth.agent.registry.RegistryConfig;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.scheduler.internal.events.EventLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's images as the API serves them: the image store and archives of {@code node-agent} plus the registry
 * client (one per daemon, credentials of {@code POST /auth} kept in {@code <dataRoot>/registry-auth.json}, mode
 * 0600), each operation publishing Docker's image event (pull, push, tag, untag, delete, import, load, save,
 * prune). Blocking: call on worker threads.
 */
public final class ImageService implements AutoCloseable {
    private final Images images;
    private final ContainerService containers;
    private final RegistryClient registries;
    private final RegistryTransfers transfers;
    private final ExecutorService transferThreads;
    private final EventLog events;

    private ImageService(Images images, ContainerService containers, RegistryClient registries,
                         ExecutorService transferThreads, EventLog events) {
        this.images = images;
        this.containers = containers;
        this.registries = registries;
        this.transfers = new RegistryTransfers(images, registries);
        this.transferThreads = transferThreads;
        this.events = events;
    }

    /** Opens the registry client of a daemon ({@code insecureRegistries}: as {@code --insecure-registry}). */
    public static ImageService open(NodeEngine engine, Path dataRoot, List<String> insecureRegistries,
                                    EventLog events, Clock clock) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "berth-registry-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RegistryClient client = RegistryClient.create(RegistryConfig.defaults()
                        .withInsecureRegistries(insecureRegistries),
                CredentialStore.dockerConfig(dataRoot.resolve("registry-auth.json")), threads, clock);
        return new ImageService(engine.images(), engine.containers(), client, threads, events);
    }

    public Images images() {
        return images;
    }

    /**
     * {@code docker pull}: {@code fromImage} with {@code tag} (a tag, or a digest {@code sha256:…}); a name
     * without a tag and no {@code tag} would be Docker's "all tags", which Berth refuses.
     */
    public Image pull(String fromImage, String tag, Credentials credentials, Progress progress) throws IOException {
        ImageReference ref = reference(fromImage, tag);
        RegistryTransfers.Pulled pulled = transfers.pull(ref, credentials, progress);
        publish("pull", ref.familiar(), ref.familiar(), pulled.image());
        return pulled.image();
    }

    static ImageReference reference(String fromImage, String tag) {
        if (fromImage == null || fromImage.isEmpty()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "fromImage",
                    "query parameter 'fromImage' or 'fromSrc' is required");
        }
        boolean explicit = fromImage.contains("@") || fromImage.lastIndexOf(':') > fromImage.lastIndexOf('/');
        if (tag == null || tag.isEmpty()) {
            if (!explicit) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, fromImage, "pulling every tag of "
                        + fromImage + " is not supported by berth: name a tag (" + fromImage + ":latest)");
            }
            return ImageReference.parse(fromImage);
        }
        return ImageReference.parse(fromImage + (tag.startsWith("sha256:") ? "@" : ":") + tag);
    }

    /** {@code docker push}: {@code tag} null pushes every local tag of the repository. */
    public List<PushResult> push(String name, String tag, Credentials credentials, Progress progress)
            throws IOException {
        List<PushResult> pushed = transfers.push(name, tag, credentials, progress);
        for (PushResult result : pushed) {
            String familiar = result.reference().familiar();
            events.publish("image", "push", familiar, Map.of("name", familiar));
        }
        return pushed;
    }

    /** {@code docker login}: checks the credentials against the registry and keeps them (daemon side). */
    public String login(String server, Credentials credentials) {
        return registries.login(server == null ? "" : server, credentials);
    }

    /** {@code docker import}: a root filesystem tar as a one-layer image named {@code repo[:tag]} if given. */
    public Image importImage(InputStream tar, String repo, String tag, List<String> changes, String message)
            throws IOException {
        List<String> names = repo == null || repo.isEmpty() ? List.of()
                : List.of(ImageReference.parse(repo + (tag == null || tag.isEmpty() ? "" : ":" + tag)).normalized());
        String comment = message == null || message.isEmpty() ? "Imported from -" : message;
        Image image = images.archives().importImage(tar, new NewImage(changes, null, comment, null, names));
        publish("import", image.id().toString(), image.id().toString(), image);
        return image;
    }

    /** {@code docker load}: records every image of the archive; a "load" event for each. */
    public ImageArchives.LoadResult load(InputStream tar) throws IOException {
        ImageArchives.LoadResult loaded = images.archives().load(tar);
        for (String name : loaded.names()) {
            Optional<Image> image = images.store().find(name);
            String familiar = ImageReference.parse(name).familiar();
            publish("load", image.map(i -> i.id().toString()).orElse(familiar), familiar, image.orElse(null));
        }
        for (Digest id : loaded.untaggedIds()) {
            publish("load", id.toString(), id.toString(), images.store().find(id.toString()).orElse(null));
        }
        return loaded;
    }

    /** {@code docker save}: NOT_FOUND before a byte is written when a name is unknown. */
    public void save(List<String> references, OutputStream out) throws IOException {
        Map<String, Image> resolved = new LinkedHashMap<>();
        for (String ref : references) {
            resolved.put(ref, images.store().get(ref));
        }
        images.archives().save(references, out);
        resolved.forEach((ref, image) -> publish("save", image.id().toString(), ref, image));
    }

    /** {@code docker tag}: {@code repo} with {@code tag} (default latest). */
    public Image tag(String source, String repo, String tag) throws IOException {
        if (repo == null || repo.isEmpty()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "repo", "query parameter 'repo' is required");
        }
        ImageReference target = ImageReference.parse(repo + (tag == null || tag.isEmpty() ? "" : ":" + tag));
        if (target.digest().isPresent()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, target.familiar(),
                    "refusing to create a tag with a digest reference");
        }
        Image image = images.store().tag(source, target.normalized());
        publish("tag", image.id().toString(), target.familiar(), image);
        return image;
    }

    /** {@code docker rmi}: "untag" and "delete" events as Docker sends them. */
    public List<ImageDeleteItem> remove(String reference, boolean force) throws IOException {
        Optional<Image> image = images.store().find(reference);
        List<ImageDeleteItem> items = images.store().remove(reference, force);
        deleted(items, image.map(i -> i.id().toString()).orElse(reference));
        return items;
    }

    /** {@code docker image prune}: {@code all} removes every unused image, not only dangling ones. */
    public PruneReport prune(boolean all, ImageFilter filter) throws IOException {
        PruneReport report = images.store().prune(all, filter);
        deleted(report.deleted(), null);
        events.publish("image", "prune", "", Map.of("reclaimed", Long.toString(report.spaceReclaimed())));
        return report;
    }

    private void deleted(List<ImageDeleteItem> items, String imageId) {
        for (ImageDeleteItem item : items) {
            if (item.untagged() != null) {
                String id = imageId == null ? item.untagged() : imageId;
                events.publish("image", "untag", id, Map.of("name", id));
            } else {
                events.publish("image", "delete", item.deleted(), Map.of("name", item.deleted()));
            }
        }
    }

    /** How many containers (any state) use each image, by image ID: the {@code Containers} of the image list. */
    public Map<String, Integer> containersPerImage() {
        Map<String, Integer> counts = new HashMap<>();
        for (ContainerView view : containers.list(true, false)) {
            counts.merge(view.record().imageId(), 1, Integer::sum);
        }
        return counts;
    }

    private void publish(String action, String id, String name, Image image) {
        Map<String, String> attributes = new HashMap<>();
        if (image != null) {
            attributes.putAll(image.labels());
        }
        attributes.put("name", name);
        events.publish("image", action, id, attributes);
    }

    @Override
    public void close() {
        registries.close();
        transferThreads.shutdownNow();
    }
}
