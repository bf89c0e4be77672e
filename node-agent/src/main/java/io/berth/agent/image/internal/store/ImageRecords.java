package io.berth.agent.image.internal.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Image records: one small JSON file per image in {@code <dataRoot>/images/}, written atomically, and the
 * in-memory indexes built from them when the store opens (name → image, ID → image). The files are the truth;
 * the indexes are rebuilt, never persisted, so they cannot disagree after a crash. Not thread-safe: the image
 * store serializes access.
 */
final class ImageRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final Map<String, Image> byId = new TreeMap<>();
    private final Map<String, String> byName = new HashMap<>();

    ImageRecords(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                index(JSON.readValue(p.toFile(), StoredImage.class).toImage());
            }
        }
    }

    Collection<Image> all() {
        return byId.values();
    }

    Optional<Image> byId(Digest id) {
        return Optional.ofNullable(byId.get(id.hex()));
    }

    /** The image holding a normalized tag or digest name. */
    Optional<Image> byName(String name) {
        String hex = byName.get(name);
        return hex == null ? Optional.empty() : Optional.ofNullable(byId.get(hex));
    }

    /** IDs starting with a hex prefix. */
    List<Image> byPrefix(String hexPrefix) {
        List<Image> found = new ArrayList<>();
        for (var e : ((TreeMap<String, Image>) byId).tailMap(hexPrefix).entrySet()) {
            if (!e.getKey().startsWith(hexPrefix)) {
                break;
            }
            found.add(e.getValue());
        }
        return found;
    }

    void save(Image image) throws IOException {
        AtomicFiles.write(dir.resolve(image.id().hex() + ".json"), JSON.writeValueAsBytes(StoredImage.of(image)));
        Image old = byId.get(image.id().hex());
        if (old != null) {
            unindexNames(old);
        }
        index(image);
    }

    void delete(Image image) throws IOException {
        Files.deleteIfExists(dir.resolve(image.id().hex() + ".json"));
        unindexNames(image);
        byId.remove(image.id().hex());
    }

    private void index(Image image) {
        byId.put(image.id().hex(), image);
        image.repoTags().forEach(n -> byName.put(n, image.id().hex()));
        image.repoDigests().forEach(n -> byName.put(n, image.id().hex()));
    }

    private void unindexNames(Image image) {
        image.repoTags().forEach(n -> byName.remove(n, image.id().hex()));
        image.repoDigests().forEach(n -> byName.remove(n, image.id().hex()));
    }
}
