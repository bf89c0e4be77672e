package io.berth.agent.image.internal.store;

import io.berth.agent.image.ConfigChanges;
import io.berth.agent.image.ContentStore;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageLayer;
import io.berth.agent.image.NewImage;
import io.berth.agent.image.internal.layer.HashingOutputStream;
import io.berth.agent.image.internal.layer.ParallelGzipOutputStream;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.image.spec.ImageConfig;
import io.berth.agent.image.spec.Manifest;
import io.berth.agent.image.spec.MediaTypes;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Makes a new image from a base image (or none) and one more layer written as an uncompressed tar by a producer:
 * the layer is gzip-compressed on every core ({@link ParallelGzipOutputStream}) straight into the content
 * store while its diff ID is hashed, then the config (base config, {@code --change}s, history, diff IDs) and an
 * OCI manifest are stored and the image recorded. Commit, import and the Dockerfile builder use it.
 */
public final class ImageComposer {
    private final ContentStore content;
    private final DefaultImageStore store;
    private final Clock clock;
    private final Executor compressors;
    private final int parallelism;

    public ImageComposer(ContentStore content, DefaultImageStore store, Clock clock, Executor compressors,
                         int parallelism) {
        this.content = content;
        this.store = store;
        this.clock = clock;
        this.compressors = compressors;
        this.parallelism = parallelism;
    }

    /** A layer written to the content store: its blob descriptor and diff ID. */
    public record WrittenLayer(Descriptor blob, Digest diffId) {
    }

    /** Compresses the tar the producer writes into a new blob. */
    public WrittenLayer writeLayer(ContentStore.Producer tar) throws IOException {
        Digest[] diff = new Digest[1];
        Digest blob = content.write(out -> {
            ParallelGzipOutputStream gz = new ParallelGzipOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            }, compressors, parallelism);
            HashingOutputStream hashing = new HashingOutputStream(gz);
            tar.writeTo(hashing);
            gz.finish();
            diff[0] = hashing.digest();
        });
        long size = content.size(blob).orElseThrow();
        return new WrittenLayer(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, blob, size), diff[0]);
    }

    /** Stores config and manifest for {@code base} + {@code layer} and records the image. */
    public Image compose(Image base, WrittenLayer layer, NewImage spec) throws IOException {
        ImageConfig baseConfig = base == null ? null : store.config(base);
        String now = clock.instant().toString();
        List<String> diffIds = new ArrayList<>(baseConfig == null ? List.of() : baseConfig.diffIds());
        diffIds.add(layer.diffId().toString());
        List<ImageConfig.History> history = new ArrayList<>(
                baseConfig == null || baseConfig.history() == null ? List.of() : baseConfig.history());
        history.add(new ImageConfig.History(now, spec.createdBy(), spec.author(), spec.message(), null));
        ImageConfig config = new ImageConfig(
                baseConfig == null ? "amd64" : baseConfig.architecture(),
                spec.author(),
                spec.message(),
                ConfigChanges.apply(baseConfig == null ? null : baseConfig.config(), spec.changes()),
                null, null, now, null, history,
                baseConfig == null ? "linux" : baseConfig.os(),
                baseConfig == null ? null : baseConfig.osVersion(),
                baseConfig == null ? null : baseConfig.osFeatures(),
                baseConfig == null ? null : baseConfig.variant(),
                new ImageConfig.RootFs("layers", diffIds));
        byte[] configJson = DefaultImageStore.JSON.writeValueAsBytes(config);
        Digest configDigest = content.put(configJson);
        List<Descriptor> layers = new ArrayList<>();
        if (base != null) {
            for (ImageLayer l : base.layers()) {
                layers.add(Descriptor.of(l.mediaType(), l.digest(), l.size()));
            }
        }
        layers.add(layer.blob());
        Manifest manifest = new Manifest(2, MediaTypes.OCI_MANIFEST,
                Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, configJson.length), layers, null);
        Digest manifestDigest = content.put(DefaultImageStore.JSON.writeValueAsBytes(manifest));
        return store.create(manifestDigest, spec.names(), List.of());
    }
}
