package io.berth.agent.image.internal.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.ContentStore;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageArchives.LoadResult;
import io.berth.agent.image.Ingest;
import io.berth.agent.image.internal.layer.Compression;
import io.berth.agent.image.internal.store.DefaultImageStore;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.image.spec.Index;
import io.berth.agent.image.spec.Manifest;
import io.berth.agent.image.spec.MediaTypes;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code load}: one pass over the tar. {@code blobs/sha256/<hex>} files are ingested under the digest their
 * name claims (and so verified); other files (old docker-archive {@code <id>/layer.tar}, {@code <id>.json},
 * skopeo's {@code <hex>.tar}) are stored by their content's digest; links are remembered as aliases. Then
 * {@code manifest.json} (docker-archive) or else {@code index.json} (OCI layout) says which images to record.
 * Blobs this load added that no image uses are deleted again.
 */
final class ArchiveLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METADATA = Set.of("manifest.json", "index.json", "oci-layout", "repositories");
    private static final int METADATA_LIMIT = 64 << 20;

    private final ContentStore content;
    private final DefaultImageStore images;
    private final Map<String, Digest> files = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, byte[]> metadata = new HashMap<>();
    private final Set<Digest> added = new HashSet<>();
    private final Set<Digest> used = new HashSet<>();

    ArchiveLoader(ContentStore content, DefaultImageStore images) {
        this.content = content;
        this.images = images;
    }

    LoadResult load(InputStream in) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(in, 128 * 1024));
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
            String name = clean(e.getName());
            if (e.isSymbolicLink() || e.isLink()) {
                String target = e.isLink() ? clean(e.getLinkName()) : resolveRelative(name, e.getLinkName());
                links.put(name, target);
            } else if (e.isFile()) {
                readFile(name, e, tar);
            }
        }
        try {
            if (metadata.containsKey("manifest.json")) {
                return fromDockerManifest();
            }
            if (metadata.containsKey("index.json")) {
                return fromOciIndex();
            }
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "archive",
                    "not an image archive: it has neither manifest.json (docker-archive) nor index.json (OCI layout)");
        } finally {
            Set<Digest> referenced = images.referencedBlobs();
            for (Digest d : added) {
                if (!used.contains(d) && !referenced.contains(d)) {
                    content.delete(d);
                }
            }
        }
    }

    private void readFile(String name, TarArchiveEntry e, InputStream tar) throws IOException {
        if (METADATA.contains(name)) {
            if (e.getSize() > METADATA_LIMIT) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "archive " + name, name + " is too large");
            }
            metadata.put(name, tar.readAllBytes());
            return;
        }
        if (name.startsWith("blobs/sha256/") && name.indexOf('/', 13) < 0) {
            Digest claimed;
            try {
                claimed = new Digest("sha256", name.substring(13));
            } catch (IllegalArgumentException notADigest) {
                claimed = null;
            }
            if (claimed != null) {
                Ingest ingest = content.ingest(claimed, e.getSize());
                if (ingest.offset() > 0 && ingest.offset() != e.getSize()) {
                    ingest.abort(); // a partial download of the same blob: a tar cannot seek, start over
                    ingest = content.ingest(claimed, e.getSize());
                }
                try (Ingest in = ingest) {
                    if (in.offset() == 0) {
                        tar.transferTo(in.output());
                    }
                    in.commit();
                }
                added.add(claimed);
                files.put(name, claimed);
                return;
            }
        }
        Digest d = content.write(out -> tar.transferTo(out));
        files.put(name, d);
        added.add(d);
    }

    private LoadResult fromDockerManifest() throws IOException {
        List<String> names = new ArrayList<>();
        List<Digest> untagged = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(metadata.get("manifest.json"))) {
            Digest config = file(entry.path("Config").asText());
            byte[] configBytes;
            try (InputStream in = content.open(config)) {
                configBytes = in.readAllBytes();
            }
            List<Descriptor> layers = new ArrayList<>();
            for (JsonNode l : entry.path("Layers")) {
                Digest d = file(l.asText());
                layers.add(Descriptor.of(layerMediaType(d), d, content.size(d).orElseThrow()));
            }
            byte[] manifest = JSON.writeValueAsBytes(new Manifest(2, MediaTypes.OCI_MANIFEST,
                    Descriptor.of(MediaTypes.OCI_CONFIG, config, configBytes.length), layers, null));
            Digest md = content.put(manifest);
            List<String> tags = new ArrayList<>();
            entry.path("RepoTags").forEach(t -> tags.add(t.asText()));
            Image image = record(md, tags, List.of(config), layers);
            names.addAll(images.normalizeAll(tags));
            if (tags.isEmpty()) {
                untagged.add(image.id());
            }
        }
        return new LoadResult(names, untagged);
    }

    private LoadResult fromOciIndex() throws IOException {
        Index index = JSON.readValue(metadata.get("index.json"), Index.class);
        List<String> names = new ArrayList<>();
        List<Digest> untagged = new ArrayList<>();
        for (Descriptor d : index.manifests() == null ? List.<Descriptor>of() : index.manifests()) {
            Map<String, String> ann = d.annotations() == null ? Map.of() : d.annotations();
            String name = ann.get("io.containerd.image.name");
            String refName = ann.get("org.opencontainers.image.ref.name");
            if (name == null && refName != null && (refName.contains(":") || refName.contains("/"))) {
                name = refName;
            }
            List<String> tags = name == null ? List.of() : List.of(name);
            Image image = images.create(d.parsedDigest(), tags, List.of());
            markUsed(image, d.parsedDigest());
            if (tags.isEmpty()) {
                untagged.add(image.id());
            } else {
                names.addAll(images.normalizeAll(tags));
            }
        }
        return new LoadResult(names, untagged);
    }

    private Image record(Digest manifest, List<String> tags, List<Digest> extra, List<Descriptor> layers)
            throws IOException {
        Image image = images.create(manifest, tags, List.of());
        markUsed(image, manifest);
        used.addAll(extra);
        layers.forEach(l -> used.add(l.parsedDigest()));
        return image;
    }

    private void markUsed(Image image, Digest manifest) {
        used.add(manifest);
        used.add(image.manifestDigest());
        used.add(image.id());
        image.layers().forEach(l -> used.add(l.digest()));
    }

    private String layerMediaType(Digest layer) throws IOException {
        try (InputStream in = new BufferedInputStream(content.open(layer), 16)) {
            return switch (Compression.detect(in)) {
                case GZIP -> MediaTypes.OCI_LAYER_GZIP;
                case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
                case NONE -> MediaTypes.OCI_LAYER;
            };
        }
    }

    private Digest file(String path) {
        String name = clean(path);
        for (int hops = 0; links.containsKey(name) && hops < 16; hops++) {
            name = links.get(name);
        }
        Digest d = files.get(name);
        if (d == null) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "archive " + path,
                    "the archive's manifest names " + path + ", which the archive does not contain");
        }
        return d;
    }

    private static String clean(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static String resolveRelative(String linkName, String target) {
        if (target.startsWith("/")) {
            return clean(target.substring(1));
        }
        int slash = linkName.lastIndexOf('/');
        String base = slash < 0 ? "" : linkName.substring(0, slash + 1);
        java.nio.file.Path p = java.nio.file.Path.of("/" + base + target).normalize();
        return p.toString().substring(1);
    }
}
