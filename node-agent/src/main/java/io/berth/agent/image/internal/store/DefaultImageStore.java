package io.berth.agent.image.internal.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.ContentStore;
import io.berth.agent.image.Digest;
import io.berth.agent.image.HistoryEntry;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageDeleteItem;
import io.berth.agent.image.ImageFilter;
import io.berth.agent.image.ImageInspect;
import io.berth.agent.image.ImageLayer;
import io.berth.agent.image.ImageStore;
import io.berth.agent.image.ImageUsage;
import io.berth.agent.image.PruneReport;
import io.berth.agent.image.ReferenceNormalizer;
import io.berth.agent.image.internal.snapshot.Snapshot;
import io.berth.agent.image.internal.snapshot.SnapshotStore;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.image.spec.ImageConfig;
import io.berth.agent.image.spec.Index;
import io.berth.agent.image.spec.Manifest;
import io.berth.agent.image.spec.MediaTypes;
import io.berth.agent.image.spec.Platform;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The image store: records in {@link ImageRecords}, content in the {@link ContentStore}, layers in the
 * {@link SnapshotStore}. Mutations of records hold one lock; unpacking runs outside it (on the executor, one
 * task per layer), with the chains being created registered so a concurrent removal never collects them.
 */
public final class DefaultImageStore implements ImageStore {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    final Object lock = new Object();
    final ImageRecords records;
    final ContentStore content;
    final SnapshotStore snapshots;
    final ReferenceNormalizer names;
    final ImageUsage usage;
    final Clock clock;
    final Set<Digest> pendingChains = new java.util.HashSet<>();
    final Supplier<Set<Digest>> chainsInUse;
    private final ExecutorService executor;
    private final ImageRemover remover;

    public DefaultImageStore(Path imagesDir, ContentStore content, SnapshotStore snapshots, ReferenceNormalizer names,
                             ImageUsage usage, Clock clock, ExecutorService executor,
                             Supplier<Set<Digest>> chainsInUse) throws IOException {
        this.records = new ImageRecords(imagesDir);
        this.content = content;
        this.snapshots = snapshots;
        this.names = names;
        this.usage = usage;
        this.clock = clock;
        this.executor = executor;
        this.chainsInUse = chainsInUse;
        this.remover = new ImageRemover(this);
    }

    @Override
    public Image create(Digest manifestDigest, List<String> newNames, List<String> repoDigests) throws IOException {
        ResolvedManifest m = readManifest(manifestDigest);
        ImageConfig config = readConfig(m.manifest().config().parsedDigest());
        List<Descriptor> layers = m.manifest().layers() == null ? List.of() : m.manifest().layers();
        List<Digest> diffIds = config.diffIds().stream().map(Digest::parse).toList();
        if (diffIds.size() != layers.size()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "image " + manifestDigest,
                    "the manifest lists " + layers.size() + " layers but the config " + diffIds.size()
                            + " diff IDs: the image is malformed");
        }
        List<Digest> chains = SnapshotStore.chainIds(diffIds);
        synchronized (lock) {
            pendingChains.addAll(chains);
        }
        try {
            List<Snapshot> snaps = unpackAll(layers, diffIds, chains);
            List<ImageLayer> imageLayers = new ArrayList<>();
            long size = 0;
            for (int i = 0; i < layers.size(); i++) {
                Descriptor d = layers.get(i);
                imageLayers.add(new ImageLayer(d.parsedDigest(), d.mediaType(), d.size(), diffIds.get(i), chains.get(i),
                        snaps.get(i).size()));
                size += snaps.get(i).size();
            }
            Image image = new Image(m.manifest().config().parsedDigest(), m.digest(), m.mediaType(), List.of(),
                    List.of(), parseTime(config.created()), size, labelsOf(config), imageLayers, null);
            synchronized (lock) {
                Image existing = records.byId(image.id()).orElse(image);
                Image merged = withNames(existing, union(existing.repoTags(), normalize(newNames)),
                        union(existing.repoDigests(), normalize(repoDigests)));
                return saveMovingNames(merged);
            }
        } finally {
            synchronized (lock) {
                chains.forEach(pendingChains::remove);
            }
        }
    }

    private List<Snapshot> unpackAll(List<Descriptor> layers, List<Digest> diffIds, List<Digest> chains)
            throws IOException {
        List<Future<Snapshot>> futures = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Digest blob = layers.get(i).parsedDigest();
            Digest chain = chains.get(i);
            Digest parent = i == 0 ? null : chains.get(i - 1);
            Digest diff = diffIds.get(i);
            futures.add(executor.submit(() -> snapshots.ensure(chain, parent, diff, () -> content.open(blob))));
        }
        List<Snapshot> result = new ArrayList<>();
        IOException failure = null;
        for (Future<Snapshot> f : futures) {
            try {
                result.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while unpacking layers");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof BerthException be) {
                    throw be;
                }
                failure = failure != null ? failure : e.getCause() instanceof IOException io ? io
                        : new IOException("unpacking a layer failed: " + e.getCause(), e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    @Override
    public List<Image> list(ImageFilter filter) throws IOException {
        Optional<Instant> before = filter.before().map(r -> createdOf(get(r)));
        Optional<Instant> since = filter.since().map(r -> createdOf(get(r)));
        synchronized (lock) {
            return records.all().stream()
                    .filter(i -> filter.dangling().map(d -> d == i.dangling()).orElse(true))
                    .filter(i -> filter.labelsMatch(i.labels()))
                    .filter(i -> filter.references().isEmpty() || filter.references().stream()
                            .anyMatch(p -> i.repoTags().stream().anyMatch(t -> GlobMatch.reference(p, names.familiar(t)))))
                    .filter(i -> before.map(b -> createdOf(i).isBefore(b)).orElse(true))
                    .filter(i -> since.map(s -> createdOf(i).isAfter(s)).orElse(true))
                    .sorted(Comparator.comparing(DefaultImageStore::createdOf).reversed()
                            .thenComparing(i -> i.id().hex()))
                    .toList();
        }
    }

    @Override
    public Optional<Image> find(String reference) {
        synchronized (lock) {
            return resolve(reference).map(Resolved::image);
        }
    }

    @Override
    public Image get(String reference) {
        return find(reference).orElseThrow(() -> noSuchImage(reference));
    }

    @Override
    public ImageConfig config(Image image) throws IOException {
        return readConfig(image.id());
    }

    @Override
    public Image tag(String source, String target) throws IOException {
        String name = normalizeOne(target);
        if (name.contains("@")) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "name " + target,
                    "refusing to create a tag with a digest reference: " + target);
        }
        synchronized (lock) {
            Image image = get(source);
            if (image.repoTags().contains(name)) {
                return image;
            }
            return saveMovingNames(withNames(image, union(image.repoTags(), List.of(name)), image.repoDigests()));
        }
    }

    @Override
    public List<ImageDeleteItem> remove(String reference, boolean force) throws IOException {
        return remover.remove(reference, force);
    }

    @Override
    public PruneReport prune(boolean all, ImageFilter filter) throws IOException {
        return remover.prune(all, filter);
    }

    @Override
    public List<HistoryEntry> history(String reference) throws IOException {
        Image image = get(reference);
        return ImageViews.history(image, config(image), names);
    }

    @Override
    public ImageInspect inspect(String reference) throws IOException {
        Image image = get(reference);
        return ImageViews.inspect(image, config(image), names);
    }

    /** Which image a reference names, and the normalized name it matched (null when it matched the ID). */
    record Resolved(Image image, String name) {
    }

    Optional<Resolved> resolve(String reference) {
        String ref = reference.trim();
        String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
        boolean hexOnly = !hex.isEmpty() && hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        if (hexOnly && hex.length() == 64) {
            return records.byId(new Digest("sha256", hex)).map(i -> new Resolved(i, null));
        }
        if (!ref.startsWith("sha256:")) {
            try {
                String name = names.normalize(ref);
                Optional<Image> byName = records.byName(name);
                if (byName.isPresent()) {
                    return Optional.of(new Resolved(byName.get(), name));
                }
            } catch (RuntimeException notAName) {
                // fall through to the ID prefix
            }
        }
        if (!hexOnly) {
            return Optional.empty();
        }
        List<Image> found = records.byPrefix(hex);
        if (found.size() > 1) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "image " + reference,
                    "multiple IDs found with provided prefix: " + reference + "; give more characters of the ID");
        }
        return found.stream().findFirst().map(i -> new Resolved(i, null));
    }

    /** Saves an image whose names are final, taking those names away from any other image that had them. */
    Image saveMovingNames(Image image) throws IOException {
        for (Image other : List.copyOf(records.all())) {
            if (other.id().equals(image.id())) {
                continue;
            }
            List<String> tags = other.repoTags().stream().filter(t -> !image.repoTags().contains(t)).toList();
            if (tags.size() != other.repoTags().size()) {
                records.save(withNames(other, tags, other.repoDigests()));
            }
        }
        Image old = records.byId(image.id()).orElse(null);
        boolean newTag = old == null ? !image.repoTags().isEmpty()
                : !old.repoTags().containsAll(image.repoTags());
        Image saved = newTag ? withTagTime(image, clock.instant()) : image;
        records.save(saved);
        return saved;
    }

    ResolvedManifest readManifest(Digest digest) throws IOException {
        byte[] raw = readBlob(digest);
        var tree = JSON.readTree(raw);
        String mediaType = tree.path("mediaType").asText(null);
        if (MediaTypes.isIndex(mediaType) || (mediaType == null && tree.has("manifests"))) {
            Index index = JSON.treeToValue(tree, Index.class);
            Descriptor d = index.manifestFor(Platform.LINUX_AMD64)
                    .or(() -> index.manifests() == null || index.manifests().size() != 1 ? Optional.empty()
                            : Optional.of(index.manifests().get(0)))
                    .orElseThrow(() -> new BerthException(ErrorCategory.NOT_FOUND, "image " + digest,
                            "the image index " + digest + " has no manifest for linux/amd64"));
            return readManifest(d.parsedDigest());
        }
        Manifest manifest = JSON.treeToValue(tree, Manifest.class);
        if (manifest.config() == null) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "manifest " + digest,
                    "manifest " + digest + " has no config: it is not an image manifest");
        }
        return new ResolvedManifest(digest, mediaType == null ? MediaTypes.OCI_MANIFEST : mediaType, manifest);
    }

    record ResolvedManifest(Digest digest, String mediaType, Manifest manifest) {
    }

    ImageConfig readConfig(Digest digest) throws IOException {
        return JSON.readValue(readBlob(digest), ImageConfig.class);
    }

    private byte[] readBlob(Digest digest) throws IOException {
        try (InputStream in = content.open(digest)) {
            return in.readAllBytes();
        }
    }

    /** Normalizes names as the store keeps them. */
    public List<String> normalizeAll(List<String> refs) {
        return normalize(refs);
    }

    /** Every blob an image record references (manifests, configs, layers). */
    public Set<Digest> referencedBlobs() {
        synchronized (lock) {
            Set<Digest> blobs = new java.util.HashSet<>();
            for (Image i : records.all()) {
                blobs.add(i.id());
                blobs.add(i.manifestDigest());
                i.layers().forEach(l -> blobs.add(l.digest()));
            }
            return blobs;
        }
    }

    /** Removes snapshots that no image, root filesystem or creation in progress uses (after a container is gone). */
    public void collectSnapshots() throws IOException {
        synchronized (lock) {
            Set<Digest> used = new java.util.HashSet<>(pendingChains);
            used.addAll(chainsInUse.get());
            records.all().forEach(i -> used.addAll(i.chainIds()));
            for (Snapshot s : snapshots.list()) {
                if (!used.contains(s.chain())) {
                    snapshots.remove(s.chain());
                }
            }
        }
    }

    List<String> normalize(List<String> refs) {
        return refs.stream().map(this::normalizeOne).toList();
    }

    private String normalizeOne(String ref) {
        try {
            return names.normalize(ref);
        } catch (IllegalArgumentException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "reference " + ref,
                    "invalid reference format: " + ref + " (" + e.getMessage() + ")", e);
        }
    }

    static BerthException noSuchImage(String reference) {
        return new BerthException(ErrorCategory.NOT_FOUND, "image " + reference, "No such image: " + reference);
    }

    static Image withNames(Image i, List<String> tags, List<String> digests) {
        return new Image(i.id(), i.manifestDigest(), i.manifestMediaType(), tags, digests, i.created(), i.size(),
                i.labels(), i.layers(), i.lastTagTime());
    }

    private static Image withTagTime(Image i, Instant t) {
        return new Image(i.id(), i.manifestDigest(), i.manifestMediaType(), i.repoTags(), i.repoDigests(),
                i.created(), i.size(), i.labels(), i.layers(), t);
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    static Instant createdOf(Image i) {
        return i.created() == null ? Instant.EPOCH : i.created();
    }

    static Instant parseTime(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, String> labelsOf(ImageConfig config) {
        Map<String, String> labels = config.configOrEmpty().labels();
        return labels == null ? Map.of() : labels;
    }
}
