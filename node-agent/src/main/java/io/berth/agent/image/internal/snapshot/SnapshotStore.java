package io.berth.agent.image.internal.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.Digest;
import io.berth.agent.image.internal.AtomicFiles;
import io.berth.agent.image.internal.fs.NativeFs;
import io.berth.agent.image.internal.layer.LayerUnpacker;
import io.berth.agent.image.internal.layer.TreeDelete;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unpacked layers, each once, keyed by chain ID. The directories are short on purpose:
 * {@code <dataRoot>/s/<id>} with a base-36 id of three characters (four after 46,655 snapshots), so that an
 * overlayfs {@code lowerdir} of 128 layers stays inside one page. The record of a snapshot is
 * {@code <dataRoot>/snapshots/<chain hex>.json}; it is written last, so a snapshot exists only once its
 * directory is complete: unpacking goes to {@code s/.t<id>}, the diff ID is verified, then the directory is
 * renamed into place and the record written. {@link #open} removes leftovers of a crash.
 */
public final class SnapshotStore {
    /** The id reserved for the empty lower directory of images without layers. */
    public static final String EMPTY = "000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dirs;
    private final Path records;
    private final NativeFs fs;
    private final AtomicInteger next = new AtomicInteger(1);
    private final Set<String> busy = new HashSet<>();

    private SnapshotStore(Path dataRoot, NativeFs fs) {
        this.dirs = dataRoot.resolve("s");
        this.records = dataRoot.resolve("snapshots");
        this.fs = fs;
    }

    /** Opens the store, creating its directories and removing directories that no record names. */
    public static SnapshotStore open(Path dataRoot, NativeFs fs) throws IOException {
        SnapshotStore store = new SnapshotStore(dataRoot, fs);
        Files.createDirectories(store.dirs);
        Files.createDirectories(store.records);
        Files.createDirectories(store.dirs.resolve(EMPTY));
        store.recover();
        return store;
    }

    public Path dir(String id) {
        return dirs.resolve(id);
    }

    public Path emptyDir() {
        return dirs.resolve(EMPTY);
    }

    public Optional<Snapshot> get(Digest chainId) throws IOException {
        try {
            return Optional.of(JSON.readValue(records.resolve(chainId.hex() + ".json").toFile(), Snapshot.class));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        }
    }

    public List<Snapshot> list() throws IOException {
        List<Snapshot> all = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(records, "*.json")) {
            for (Path p : ds) {
                all.add(JSON.readValue(p.toFile(), Snapshot.class));
            }
        }
        return all;
    }

    /**
     * The snapshot of a chain, unpacking the layer when there is none yet. Two callers for one chain ID: the
     * second waits and gets the first one's snapshot. A diff ID mismatch deletes what was unpacked and throws.
     */
    public Snapshot ensure(Digest chainId, Digest parent, Digest diffId, LayerSource layer) throws IOException {
        acquire(chainId.hex());
        try {
            Optional<Snapshot> existing = get(chainId);
            if (existing.isPresent()) {
                return existing.get();
            }
            String id = newId();
            Path temp = dirs.resolve(".t" + id);
            Files.createDirectory(temp);
            try {
                LayerUnpacker.Result result;
                try (InputStream in = layer.open()) {
                    result = new LayerUnpacker(fs).unpack(in, temp);
                }
                if (!result.diffId().equals(diffId)) {
                    throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "layer " + diffId,
                            "layer content does not match the image config: expected diff ID " + diffId + ", got "
                                    + result.diffId() + "; nothing was kept: pull or load the image again");
                }
                Files.move(temp, dirs.resolve(id));
                Snapshot s = new Snapshot(chainId.toString(), id, diffId.toString(),
                        parent == null ? null : parent.toString(), result.contentSize(), result.size());
                AtomicFiles.write(records.resolve(chainId.hex() + ".json"), JSON.writeValueAsBytes(s));
                return s;
            } finally {
                TreeDelete.delete(temp);
            }
        } finally {
            release(chainId.hex());
        }
    }

    /** Removes a snapshot (its record first, so a crash leaves an orphan directory, never a half snapshot). */
    public void remove(Digest chainId) throws IOException {
        Optional<Snapshot> s = get(chainId);
        if (s.isEmpty()) {
            return;
        }
        Files.deleteIfExists(records.resolve(chainId.hex() + ".json"));
        TreeDelete.delete(dirs.resolve(s.get().dir()));
    }

    /** The chain IDs of a list of diff IDs, bottom first (OCI image spec: ChainID(L0|...|Ln)). */
    public static List<Digest> chainIds(List<Digest> diffIds) {
        List<Digest> chains = new ArrayList<>(diffIds.size());
        Digest previous = null;
        for (Digest diff : diffIds) {
            previous = previous == null ? diff
                    : Digest.sha256((previous + " " + diff).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            chains.add(previous);
        }
        return chains;
    }

    private void recover() throws IOException {
        Set<String> named = new HashSet<>();
        int max = 0;
        for (Snapshot s : list()) {
            named.add(s.dir());
            max = Math.max(max, Integer.parseInt(s.dir(), 36));
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dirs)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.equals(EMPTY) && !named.contains(name)) {
                    TreeDelete.delete(p);
                }
            }
        }
        next.set(max + 1);
    }

    private String newId() {
        String id = Integer.toString(next.getAndIncrement(), 36);
        return id.length() >= 3 ? id : "0".repeat(3 - id.length()) + id;
    }

    private void acquire(String key) throws IOException {
        synchronized (busy) {
            while (busy.contains(key)) {
                try {
                    busy.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted waiting for snapshot " + key);
                }
            }
            busy.add(key);
        }
    }

    private void release(String key) {
        synchronized (busy) {
            busy.remove(key);
            busy.notifyAll();
        }
    }

    /** Opens the content of a layer (compressed or not). */
    @FunctionalInterface
    public interface LayerSource {
        InputStream open() throws IOException;
    }
}
