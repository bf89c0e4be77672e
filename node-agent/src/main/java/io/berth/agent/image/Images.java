package io.berth.agent.image;

import io.berth.agent.image.internal.archive.DefaultImageArchives;
import io.berth.agent.image.internal.content.FileContentStore;
import io.berth.agent.image.internal.fs.NativeFs;
import io.berth.agent.image.internal.rootfs.DefaultContainerFilesystems;
import io.berth.agent.image.internal.snapshot.SnapshotStore;
import io.berth.agent.image.internal.store.DefaultImageStore;
import io.berth.agent.image.internal.store.ImageComposer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The image subsystem of one data root, wired: content store ({@code content/}), snapshots ({@code s/},
 * {@code snapshots/}), image records ({@code images/}), container root filesystems ({@code c/}) and archives.
 * The daemon opens one at start (it recovers from a crash: half-unpacked snapshots are removed) and closes it
 * at shutdown (its thread pools stop; mounts stay, containers keep running).
 */
public final class Images implements Closeable {
    private final ContentStore content;
    private final DefaultImageStore store;
    private final DefaultContainerFilesystems rootfs;
    private final DefaultImageArchives archives;
    private final ExecutorService unpackers;
    private final ExecutorService compressors;

    private Images(ImagesConfig config) throws IOException {
        NativeFs fs = new NativeFs();
        this.unpackers = Executors.newFixedThreadPool(config.threads(), threads("berth-unpack-"));
        this.compressors = Executors.newFixedThreadPool(config.threads(), threads("berth-gzip-"));
        this.content = new FileContentStore(config.dataRoot().resolve("content"));
        SnapshotStore snapshots = SnapshotStore.open(config.dataRoot(), fs);
        AtomicReference<DefaultContainerFilesystems> fsRef = new AtomicReference<>();
        this.store = new DefaultImageStore(config.dataRoot().resolve("images"), content, snapshots, config.names(),
                config.usage(), config.clock(), unpackers, () -> fsRef.get().chainsInUse());
        ImageComposer composer = new ImageComposer(content, store, config.clock(), compressors, config.threads());
        this.rootfs = new DefaultContainerFilesystems(config.dataRoot(), fs, snapshots, store, composer, () -> {
            try {
                store.collectSnapshots();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        fsRef.set(rootfs);
        this.archives = new DefaultImageArchives(content, snapshots, store, composer, config.names());
    }

    /** Opens (creating what is missing) the image subsystem of a data root. */
    public static Images open(ImagesConfig config) throws IOException {
        return new Images(config);
    }

    /** Blobs: the registry client writes pulled manifests, configs and layers here, then calls {@link ImageStore#create}. */
    public ContentStore content() {
        return content;
    }

    public ImageStore store() {
        return store;
    }

    public ContainerFilesystems rootfs() {
        return rootfs;
    }

    public ImageArchives archives() {
        return archives;
    }

    @Override
    public void close() {
        unpackers.shutdown();
        compressors.shutdown();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
