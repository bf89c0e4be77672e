package io.berth.scheduler.internal.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageFilter;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.Images;
import io.berth.agent.image.spec.Manifest;
import io.berth.agent.image.spec.Platform;
import io.berth.agent.registry.Credentials;
import io.berth.agent.registry.LayerProgress;
import io.berth.agent.registry.ProgressState;
import io.berth.agent.registry.PullResult;
import io.berth.agent.registry.PushRequest;
import io.berth.agent.registry.PushResult;
import io.berth.agent.registry.RegistryClient;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pull and push with Docker's progress messages: the registry client moves the blobs, the image store records
 * (and unpacks) what was pulled. The words are Docker's ("Pulling fs layer", "Download complete", "Pull complete",
 * "Status: Downloaded newer image for busybox:latest", "The push refers to repository [...]").
 */
final class RegistryTransfers {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Images images;
    private final RegistryClient registries;

    RegistryTransfers(Images images, RegistryClient registries) {
        this.images = images;
        this.registries = registries;
    }

    /** What a pull did: the image, and whether the name already pointed at it ("Image is up to date"). */
    record Pulled(Image image, ImageReference reference, boolean upToDate) {
    }

    Pulled pull(ImageReference ref, Credentials credentials, Progress progress) throws IOException {
        Optional<Image> before = images.store().find(ref.normalized());
        RegistryClient client = credentials == null ? registries : registries.withCredentials(credentials);
        PullProgress layers = new PullProgress(progress, ref.digest().map(Digest::toString)
                .orElseGet(() -> ref.tag().orElse(ImageReference.DEFAULT_TAG)), "Pulling from " + ref.repository());
        PullResult pulled = client.pull(ref, Platform.LINUX_AMD64, images.content(), images.content(), layers);
        boolean upToDate = before.isPresent() && before.get().manifestDigest().equals(pulled.manifestDigest());
        layers.finish(upToDate);
        List<String> downloaded = layers.downloaded();
        downloaded.forEach(id -> progress.status(id, "Extracting", 0, -1));
        List<String> names = ref.digest().isPresent() ? List.of() : List.of(ref.normalized());
        Image image = images.store().create(pulled.manifestDigest(), names,
                List.of(ref.name() + "@" + pulled.repositoryDigest()));
        downloaded.forEach(id -> progress.status(id, "Pull complete", 0, -1));
        progress.status("Digest: " + pulled.repositoryDigest());
        progress.status("Status: " + (upToDate ? "Image is up to date for " : "Downloaded newer image for ")
                + ref.familiar());
        return new Pulled(image, ref, upToDate);
    }

    /**
     * Pushes {@code name} with {@code tag}, or every tag of its repository when {@code tag} is null. NOT_FOUND
     * before anything is sent when no local image has the name.
     */
    List<PushResult> push(String name, String tag, Credentials credentials, Progress progress) throws IOException {
        ImageReference repository = ImageReference.parse(name);
        List<ImageReference> targets = targets(repository, explicit(name) ? repository.tag().orElse(null) : tag);
        RegistryClient client = credentials == null ? registries : registries.withCredentials(credentials);
        progress.status("The push refers to repository [" + repository.name() + "]");
        List<PushResult> results = new ArrayList<>();
        for (ImageReference target : targets) {
            Image image = images.store().get(target.normalized());
            Manifest manifest = readManifest(image.manifestDigest());
            byte[] bytes = read(image.manifestDigest());
            PushRequest request = PushRequest.of(target, bytes, image.manifestMediaType(), manifest.config(),
                    manifest.layers()).withMountHints(blob -> sources(image, target));
            PushResult pushed = client.push(request, images.content(),
                    p -> progress.status(p.id(), p.status(), p.current(), bytesOf(p)));
            progress.status(pushed.dockerLine());
            Map<String, Object> aux = new LinkedHashMap<>();
            aux.put("Tag", target.tag().orElse(""));
            aux.put("Digest", pushed.digest().toString());
            aux.put("Size", pushed.size());
            progress.aux(aux);
            results.add(pushed);
        }
        return results;
    }

    private List<ImageReference> targets(ImageReference repository, String tag) throws IOException {
        if (tag != null && !tag.isEmpty()) {
            ImageReference target = repository.tagOnly(tag);
            if (images.store().find(target.normalized()).isEmpty()) {
                throw noLocalImage(target);
            }
            return List.of(target);
        }
        if (repository.digest().isPresent()) {
            return List.of(repository);
        }
        Set<ImageReference> all = new LinkedHashSet<>();
        for (Image image : images.store().list(ImageFilter.NONE)) {
            for (String t : image.repoTags()) {
                ImageReference r = ImageReference.parse(t);
                if (r.name().equals(repository.name())) {
                    all.add(r);
                }
            }
        }
        if (all.isEmpty()) {
            throw noLocalImage(repository);
        }
        return List.copyOf(all);
    }

    /** Whether the name as given carries its own tag or digest ({@code app:1}, not {@code 127.0.0.1:5000/app}). */
    private static boolean explicit(String name) {
        return name.contains("@") || name.lastIndexOf(':') > name.lastIndexOf('/');
    }

    private static BerthException noLocalImage(ImageReference ref) {
        return new BerthException(ErrorCategory.NOT_FOUND, ref.familiar(),
                "An image does not exist locally with the tag: " + ref.familiarName());
    }

    /** Repositories of the target's registry the image was pulled from: its blobs can be mounted from there. */
    private static List<ImageReference> sources(Image image, ImageReference target) {
        List<ImageReference> sources = new ArrayList<>();
        for (String repoDigest : image.repoDigests()) {
            ImageReference r = ImageReference.parse(repoDigest);
            if (r.registry().equals(target.registry()) && !r.name().equals(target.name())) {
                sources.add(r);
            }
        }
        return sources;
    }

    private static long bytesOf(LayerProgress p) {
        return p.state() == ProgressState.PUSHING ? p.total() : -1;
    }

    private Manifest readManifest(Digest digest) throws IOException {
        return JSON.readValue(read(digest), Manifest.class);
    }

    private byte[] read(Digest digest) throws IOException {
        try (InputStream in = images.content().open(digest)) {
            return in.readAllBytes();
        }
    }

    /**
     * The registry client's layer events as Docker's pull messages. "Pulling from" is sent with the first layer
     * event (the manifest is resolved by then, so a missing image is an HTTP error, as with Docker). "Already
     * exists" lines are held until another event comes: a pull that finds every layer and the same image says
     * only "Image is up to date", as Docker does.
     */
    private static final class PullProgress implements io.berth.agent.registry.PullListener {
        private final Progress out;
        private final String tagOrDigest;
        private final String header;
        private final List<String> held = new ArrayList<>();
        private final Set<String> downloaded = new LinkedHashSet<>();
        private boolean started;
        private boolean releasing;

        PullProgress(Progress out, String tagOrDigest, String header) {
            this.out = out;
            this.tagOrDigest = tagOrDigest;
            this.header = header;
        }

        @Override
        public synchronized void onProgress(LayerProgress p) {
            start();
            if (p.state() == ProgressState.ALREADY_EXISTS && !releasing) {
                held.add(p.id());
                return;
            }
            release();
            if (p.state() == ProgressState.DOWNLOAD_COMPLETE) {
                downloaded.add(p.id());
            }
            boolean bytes = p.state() == ProgressState.DOWNLOADING;
            out.status(p.id(), p.status(), bytes ? p.current() : 0, bytes ? p.total() : -1);
        }

        private void start() {
            if (!started) {
                started = true;
                out.status(tagOrDigest, header, 0, -1);
            }
        }

        private void release() {
            releasing = true;
            held.forEach(id -> out.status(id, ProgressState.ALREADY_EXISTS.text(), 0, -1));
            held.clear();
        }

        synchronized void finish(boolean upToDate) {
            start();
            if (!upToDate) {
                release();
            }
        }

        synchronized List<String> downloaded() {
            return List.copyOf(downloaded);
        }
    }
}
