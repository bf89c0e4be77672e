package io.berth.agent.image.internal.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.ContentStore;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageLayer;
import io.berth.agent.image.ReferenceNormalizer;
import io.berth.agent.image.internal.layer.Compression;
import io.berth.agent.image.internal.snapshot.SnapshotStore;
import io.berth.agent.image.internal.store.DefaultImageStore;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.image.spec.Index;
import io.berth.agent.image.spec.Manifest;
import io.berth.agent.image.spec.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * {@code save}: Docker 25's archive, an OCI layout that is also a docker-archive. Layers are written
 * uncompressed under their diff ID (decompressed on the fly from the stored blob), each once; each image gets a
 * new OCI manifest naming those layers. Entries: {@code blobs/sha256/*}, {@code index.json},
 * {@code manifest.json}, {@code oci-layout}, {@code repositories}.
 */
final class ArchiveSaver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContentStore content;
    private final SnapshotStore snapshots;
    private final DefaultImageStore images;
    private final ReferenceNormalizer names;

    ArchiveSaver(ContentStore content, SnapshotStore snapshots, DefaultImageStore images, ReferenceNormalizer names) {
        this.content = content;
        this.snapshots = snapshots;
        this.images = images;
        this.names = names;
    }

    void save(List<String> references, OutputStream out) throws IOException {
        Map<Digest, Set<String>> tagsById = new LinkedHashMap<>();
        Map<Digest, Image> byId = new LinkedHashMap<>();
        for (String ref : references) {
            Image image = images.get(ref);
            byId.putIfAbsent(image.id(), image);
            Set<String> tags = tagsById.computeIfAbsent(image.id(), k -> new LinkedHashSet<>());
            String normalized = tryNormalize(ref);
            if (normalized != null && image.repoTags().contains(normalized)) {
                tags.add(normalized);
            }
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 10240, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        dir(tar, "blobs/");
        dir(tar, "blobs/sha256/");
        Set<Digest> written = new HashSet<>();
        List<Descriptor> indexEntries = new ArrayList<>();
        List<Map<String, Object>> dockerManifest = new ArrayList<>();
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        for (Image image : byId.values()) {
            List<Descriptor> layers = new ArrayList<>();
            List<String> layerPaths = new ArrayList<>();
            for (ImageLayer l : image.layers()) {
                long tarSize = layerTarSize(l);
                if (written.add(l.diffId())) {
                    writeLayer(tar, l, tarSize);
                }
                layers.add(Descriptor.of(MediaTypes.OCI_LAYER, l.diffId(), tarSize));
                layerPaths.add("blobs/sha256/" + l.diffId().hex());
            }
            byte[] config;
            try (InputStream in = content.open(image.id())) {
                config = in.readAllBytes();
            }
            if (written.add(image.id())) {
                file(tar, "blobs/sha256/" + image.id().hex(), config);
            }
            byte[] manifest = JSON.writeValueAsBytes(new Manifest(2, MediaTypes.OCI_MANIFEST,
                    Descriptor.of(MediaTypes.OCI_CONFIG, image.id(), config.length), layers, null));
            Digest manifestDigest = Digest.sha256(manifest);
            if (written.add(manifestDigest)) {
                file(tar, "blobs/sha256/" + manifestDigest.hex(), manifest);
            }
            Descriptor md = Descriptor.of(MediaTypes.OCI_MANIFEST, manifestDigest, manifest.length);
            Set<String> tags = tagsById.get(image.id());
            List<String> familiar = new ArrayList<>();
            if (tags.isEmpty()) {
                indexEntries.add(md);
            }
            for (String t : tags) {
                String f = names.familiar(t);
                familiar.add(f);
                int colon = t.lastIndexOf(':');
                indexEntries.add(md.withAnnotations(Map.of("io.containerd.image.name", t,
                        "org.opencontainers.image.ref.name", t.substring(colon + 1))));
                int fc = f.lastIndexOf(':');
                repositories.computeIfAbsent(f.substring(0, fc), k -> new LinkedHashMap<>()).put(f.substring(fc + 1),
                        image.layers().isEmpty() ? image.id().hex()
                                : image.layers().get(image.layers().size() - 1).diffId().hex());
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Config", "blobs/sha256/" + image.id().hex());
            entry.put("RepoTags", familiar.isEmpty() ? null : familiar);
            entry.put("Layers", layerPaths);
            dockerManifest.add(entry);
        }
        file(tar, "index.json", JSON.writeValueAsBytes(new Index(2, MediaTypes.OCI_INDEX, indexEntries, null)));
        file(tar, "manifest.json", JSON.writeValueAsBytes(dockerManifest));
        file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        file(tar, "repositories", JSON.writeValueAsBytes(repositories));
        tar.finish();
        tar.flush();
    }

    private String tryNormalize(String ref) {
        try {
            return names.normalize(ref);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private long layerTarSize(ImageLayer l) throws IOException {
        long recorded = snapshots.get(l.chainId()).map(s -> s.tarSize()).orElse(0L);
        if (recorded > 0) {
            return recorded;
        }
        try (InputStream in = Compression.decompressed(content.open(l.digest()))) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private void writeLayer(TarArchiveOutputStream tar, ImageLayer l, long size) throws IOException {
        TarArchiveEntry e = entry("blobs/sha256/" + l.diffId().hex(), TarConstants.LF_NORMAL);
        e.setSize(size);
        tar.putArchiveEntry(e);
        try (InputStream in = Compression.decompressed(content.open(l.digest()))) {
            long copied = in.transferTo(tar);
            if (copied != size) {
                throw new IOException("layer " + l.diffId() + " has " + copied + " bytes, expected " + size);
            }
        }
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(entry(name, TarConstants.LF_DIR));
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, byte type) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setMode(type == TarConstants.LF_DIR ? 0755 : 0644);
        e.setModTime(0);
        e.setUserName("");
        e.setGroupName("");
        return e;
    }
}
