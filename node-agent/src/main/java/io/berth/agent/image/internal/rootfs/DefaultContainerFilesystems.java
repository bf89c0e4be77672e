package io.berth.agent.image.internal.rootfs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.Change;
import io.berth.agent.image.ContainerFilesystems;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.NewImage;
import io.berth.agent.image.RootFs;
import io.berth.agent.image.internal.AtomicFiles;
import io.berth.agent.image.internal.fs.NativeFs;
import io.berth.agent.image.internal.layer.LayerWriter;
import io.berth.agent.image.internal.layer.TreeDelete;
import io.berth.agent.image.internal.snapshot.Snapshot;
import io.berth.agent.image.internal.snapshot.SnapshotStore;
import io.berth.agent.image.internal.store.DefaultImageStore;
import io.berth.agent.image.internal.store.ImageComposer;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Root filesystems in {@code <dataRoot>/c/<id>/}: {@code upper}, {@code work}, {@code merged} and
 * {@code meta.json} (container key, image ID, the snapshot directories top first). The record is written before
 * the mount, and removal unmounts before it deletes, so a crash leaves a record to clean up, never a mount
 * without one. Operations on different containers run concurrently; on one container they serialize.
 */
public final class DefaultContainerFilesystems implements ContainerFilesystems {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final NativeFs fs;
    private final SnapshotStore snapshots;
    private final DefaultImageStore images;
    private final ImageComposer composer;
    private final OverlayMount overlay;
    private final Runnable afterRemove;
    private final Map<String, Meta> byKey = new HashMap<>();
    private int next = 1;

    /** The record of one root filesystem. */
    record Meta(@JsonProperty("key") String key, @JsonProperty("id") String id,
                @JsonProperty("image") String image, @JsonProperty("chains") List<String> chainsTopFirst) {
    }

    public DefaultContainerFilesystems(Path dataRoot, NativeFs fs, SnapshotStore snapshots, DefaultImageStore images,
                                       ImageComposer composer, Runnable afterRemove) throws IOException {
        this.root = dataRoot.resolve("c");
        this.fs = fs;
        this.snapshots = snapshots;
        this.images = images;
        this.composer = composer;
        this.overlay = new OverlayMount(fs);
        this.afterRemove = afterRemove;
        Files.createDirectories(root);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path dir : ds) {
                Path meta = dir.resolve("meta.json");
                if (Files.exists(meta)) {
                    Meta m = JSON.readValue(meta.toFile(), Meta.class);
                    byKey.put(m.key(), m);
                    next = Math.max(next, Integer.parseInt(m.id(), 36) + 1);
                } else if (!OverlayMount.isMounted(dir.resolve("merged"))) {
                    TreeDelete.delete(dir);
                }
            }
        }
    }

    /** The chain IDs every root filesystem stacks: the image store keeps these snapshots. */
    public synchronized Set<Digest> chainsInUse() {
        Set<Digest> chains = new HashSet<>();
        byKey.values().forEach(m -> m.chainsTopFirst().forEach(c -> chains.add(Digest.parse(c))));
        return chains;
    }

    @Override
    public RootFs mount(String containerKey, Digest imageId) throws IOException {
        Meta meta;
        synchronized (this) {
            meta = byKey.get(containerKey);
            if (meta == null) {
                Image image = images.get(imageId.toString());
                List<String> chains = new ArrayList<>();
                for (Digest c : image.chainIds()) {
                    chains.add(0, c.toString());
                }
                meta = new Meta(containerKey, newId(), image.id().toString(), chains);
                Path dir = root.resolve(meta.id());
                Files.createDirectories(dir.resolve("upper"));
                Files.createDirectories(dir.resolve("work"));
                Files.createDirectories(dir.resolve("merged"));
                AtomicFiles.write(dir.resolve("meta.json"), JSON.writeValueAsBytes(meta));
                byKey.put(containerKey, meta);
            }
        }
        synchronized (meta) {
            Path dir = root.resolve(meta.id());
            if (!OverlayMount.isMounted(dir.resolve("merged"))) {
                overlay.mount(lowers(meta), dir.resolve("upper"), dir.resolve("work"), dir.resolve("merged"));
            }
            return rootFs(meta, true);
        }
    }

    private List<Path> lowers(Meta meta) throws IOException {
        List<Path> lowers = new ArrayList<>();
        for (String chain : meta.chainsTopFirst()) {
            Snapshot s = snapshots.get(Digest.parse(chain)).orElseThrow(() -> new BerthException(
                    ErrorCategory.FAILED_PRECONDITION, "container " + meta.key(),
                    "layer " + chain + " of the container's image is gone: remove the container and create it again"));
            lowers.add(snapshots.dir(s.dir()));
        }
        if (lowers.isEmpty()) {
            lowers.add(snapshots.emptyDir());
        }
        return lowers;
    }

    @Override
    public Optional<RootFs> get(String containerKey) throws IOException {
        Meta meta = meta(containerKey);
        return meta == null ? Optional.empty()
                : Optional.of(rootFs(meta, OverlayMount.isMounted(root.resolve(meta.id()).resolve("merged"))));
    }

    @Override
    public List<RootFs> list() throws IOException {
        List<RootFs> all = new ArrayList<>();
        List<Meta> metas;
        synchronized (this) {
            metas = List.copyOf(byKey.values());
        }
        for (Meta m : metas) {
            all.add(rootFs(m, OverlayMount.isMounted(root.resolve(m.id()).resolve("merged"))));
        }
        return all;
    }

    @Override
    public void unmount(String containerKey) throws IOException {
        Meta meta = meta(containerKey);
        if (meta != null) {
            synchronized (meta) {
                unmount(root.resolve(meta.id()).resolve("merged"));
            }
        }
    }

    private void unmount(Path merged) throws IOException {
        try {
            fs.unmount(merged, false);
        } catch (IOException busy) {
            fs.unmount(merged, true); // still in use (a process holds a file): detach, the kernel frees it later
        }
    }

    @Override
    public void remove(String containerKey) throws IOException {
        Meta meta = meta(containerKey);
        if (meta == null) {
            return;
        }
        synchronized (meta) {
            Path dir = root.resolve(meta.id());
            unmount(dir.resolve("merged"));
            Files.deleteIfExists(dir.resolve("meta.json"));
            synchronized (this) {
                byKey.remove(containerKey);
            }
            TreeDelete.delete(dir);
        }
        afterRemove.run();
    }

    @Override
    public List<Change> diff(String containerKey) throws IOException {
        Meta meta = require(containerKey);
        List<Path> lowers = lowers(meta);
        return new ChangesScanner(fs, lowers).scan(root.resolve(meta.id()).resolve("upper"));
    }

    @Override
    public Image commit(String containerKey, NewImage spec) throws IOException {
        Meta meta = require(containerKey);
        Path upper = root.resolve(meta.id()).resolve("upper");
        var layer = composer.writeLayer(out -> new LayerWriter(fs, LayerWriter.Mode.DIFF, Optional.empty()).write(upper, out));
        Image base = images.find(meta.image()).orElse(null);
        if (base == null) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "container " + containerKey,
                    "the container's image " + meta.image() + " was removed: cannot commit on top of it");
        }
        return composer.compose(base, layer, spec);
    }

    @Override
    public void export(String containerKey, OutputStream out) throws IOException {
        Meta meta = require(containerKey);
        Path merged = root.resolve(meta.id()).resolve("merged");
        boolean wasMounted = OverlayMount.isMounted(merged);
        if (!wasMounted) {
            mount(containerKey, Digest.parse(meta.image()));
        }
        try {
            new LayerWriter(fs, LayerWriter.Mode.PLAIN, Optional.empty()).write(merged, out);
        } finally {
            if (!wasMounted) {
                unmount(containerKey);
            }
        }
    }

    private synchronized Meta meta(String key) {
        return byKey.get(key);
    }

    private Meta require(String key) {
        Meta meta = meta(key);
        if (meta == null) {
            throw new BerthException(ErrorCategory.NOT_FOUND, "container " + key,
                    "container " + key + " has no root filesystem: create the container first");
        }
        return meta;
    }

    private RootFs rootFs(Meta m, boolean mounted) {
        Path dir = root.resolve(m.id());
        return new RootFs(m.key(), Digest.parse(m.image()), dir.resolve("merged"), dir.resolve("upper"),
                dir.resolve("work"), mounted);
    }

    private String newId() {
        String id = Integer.toString(next++, 36);
        return id.length() >= 3 ? id : "0".repeat(3 - id.length()) + id;
    }
}
