package io.berth.agent.registry.internal;

import io.berth.agent.image.BlobReader;
import io.berth.agent.image.BlobWriter;
import io.berth.agent.image.Digest;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.Ingest;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.image.spec.Index;
import io.berth.agent.image.spec.Manifest;
import io.berth.agent.image.spec.MediaTypes;
import io.berth.agent.image.spec.Platform;
import io.berth.agent.registry.Credentials;
import io.berth.agent.registry.PullListener;
import io.berth.agent.registry.PullResult;
import io.berth.agent.registry.ProgressState;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pull: manifest (through an index to the wanted platform), config, then the layers in parallel; the
 * manifest and index are stored last, so a stored manifest always has its blobs beside it.
 */
final class Puller {
    private final ClientContext context;
    private final ManifestFetcher manifests;
    private final BlobDownloader blobs;

    Puller(ClientContext context) {
        this.context = context;
        this.manifests = new ManifestFetcher(context);
        this.blobs = new BlobDownloader(context);
    }

    PullResult pull(ImageReference ref, Platform wanted, BlobReader reader, BlobWriter writer, PullListener listener,
            Credentials credentials) {
        RepositorySession session = new RepositorySession(context, ref.registryHost(), ref.repository(),
                List.of(RepositorySession.scope(ref.repository(), "pull")), credentials);
        ManifestFetcher.Fetched top = manifests.fetch(session, ref, ref.manifestReference(), ref.digest());
        ManifestFetcher.Fetched chosen = top;
        Optional<ManifestFetcher.Fetched> index = Optional.empty();
        if (MediaTypes.isIndex(top.mediaType())) {
            index = Optional.of(top);
            Descriptor entry = read(ref, top.bytes(), Index.class).manifestFor(wanted)
                    .orElseThrow(() -> new BerthException(ErrorCategory.NOT_FOUND, ref.familiar(),
                            "no matching manifest for " + wanted.os() + "/" + wanted.architecture()
                                    + (wanted.variant() == null ? "" : "/" + wanted.variant())
                                    + " in the manifest list entries of " + ref.familiar()));
            Digest entryDigest = digestOf(ref, entry);
            chosen = manifests.fetch(session, ref, entryDigest.toString(), Optional.of(entryDigest));
            if (!MediaTypes.isManifest(chosen.mediaType())) {
                throw new BerthException(ErrorCategory.FAILED_PRECONDITION, ref.familiar(), "the index of "
                        + ref.familiar() + " names " + entryDigest + " as an image, but it is a " + chosen.mediaType());
            }
        }
        Manifest manifest = read(ref, chosen.bytes(), Manifest.class);
        if (manifest.config() == null || manifest.layers() == null) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, ref.familiar(),
                    "the manifest " + chosen.digest() + " of " + ref.familiar() + " names no config or no layers");
        }
        manifest.layers().forEach(l -> digestOf(ref, l));
        blobs(session, ref, manifest, reader, writer, listener);
        store(reader, writer, chosen);
        index.ifPresent(i -> store(reader, writer, i));
        return new PullResult(ref, chosen.digest(), chosen.mediaType(), chosen.bytes(), manifest.config(),
                manifest.layers(), index.map(ManifestFetcher.Fetched::digest));
    }

    private void blobs(RepositorySession session, ImageReference ref, Manifest manifest, BlobReader reader,
            BlobWriter writer, PullListener listener) {
        digestOf(ref, manifest.config());
        try {
            blobs.download(session, manifest.config(), reader, writer, LayerReporter.SILENT, new AtomicBoolean());
        } catch (IOException e) {
            throw contentStore(e);
        }
        List<Descriptor> layers = manifest.layers().stream()
                .collect(java.util.stream.Collectors.toMap(Descriptor::digest, d -> d, (a, b) -> a,
                        java.util.LinkedHashMap::new))
                .values().stream().toList();
        int width = context.config().maxConcurrentDownloads();
        for (int i = 0; i < layers.size(); i++) {
            Descriptor layer = layers.get(i);
            String id = layer.parsedDigest().shortHex();
            if (!has(reader, layer.parsedDigest())) {
                listener.onProgress(io.berth.agent.registry.LayerProgress.of(id, ProgressState.PULLING_FS_LAYER, 0,
                        layer.size()));
                if (i >= width) {
                    listener.onProgress(io.berth.agent.registry.LayerProgress.of(id, ProgressState.WAITING, 0,
                            layer.size()));
                }
            }
        }
        Parallel.run(layers, width, context.executor(), (layer, abandoned) -> {
            LayerReporter report = new LayerReporter(layer.parsedDigest().shortHex(), layer.size(),
                    listener::onProgress, context.clock());
            try {
                blobs.download(session, layer, reader, writer, report, abandoned);
            } catch (IOException e) {
                throw contentStore(e);
            }
        });
    }

    private static boolean has(BlobReader reader, Digest digest) {
        try {
            return reader.has(digest);
        } catch (IOException e) {
            throw contentStore(e);
        }
    }

    private static BerthException contentStore(IOException e) {
        String message = e.getMessage() != null && e.getMessage().startsWith("the content store failed")
                ? e.getMessage() : "the content store failed: " + e.getMessage();
        return new BerthException(ErrorCategory.INTERNAL, "content store", message, e);
    }

    /** Writes a manifest or index the store does not have yet. */
    static void store(BlobReader reader, BlobWriter writer, ManifestFetcher.Fetched fetched) {
        try {
            if (reader.has(fetched.digest())) {
                return;
            }
            Ingest ingest = writer.ingest(fetched.digest(), fetched.bytes().length);
            try {
                if (ingest.offset() > 0) {
                    ingest.abort();
                    ingest.close();
                    ingest = writer.ingest(fetched.digest(), fetched.bytes().length);
                }
                ingest.output().write(fetched.bytes());
                ingest.commit();
            } finally {
                ingest.close();
            }
        } catch (IOException e) {
            throw contentStore(e);
        } catch (UncheckedIOException e) {
            throw contentStore(e.getCause());
        }
    }

    private Digest digestOf(ImageReference ref, Descriptor d) {
        try {
            return d.parsedDigest();
        } catch (IllegalArgumentException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, ref.familiar(),
                    "the manifest of " + ref.familiar() + " names a blob with a bad digest: " + e.getMessage(), e);
        }
    }

    private <T> T read(ImageReference ref, byte[] bytes, Class<T> type) {
        try {
            return context.json().readValue(bytes, type);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, ref.familiar(),
                    "the manifest of " + ref.familiar() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
