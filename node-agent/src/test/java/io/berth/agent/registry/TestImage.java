package io.berth.agent.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.Digest;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.image.spec.Index;
import io.berth.agent.image.spec.Manifest;
import io.berth.agent.image.spec.MediaTypes;
import io.berth.agent.image.spec.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** An image made in a test: real tar layers, a config and an OCI manifest, kept as bytes. */
public record TestImage(byte[] config, Descriptor configDescriptor, List<byte[]> layers, List<Descriptor> layerDescriptors,
        byte[] manifest, Digest manifestDigest) {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An image whose layers are uncompressed tars each holding one file of {@code sizes[i]} random bytes. */
    public static TestImage random(long seed, String arch, int... sizes) throws IOException {
        Random random = new Random(seed);
        List<byte[]> layers = new ArrayList<>();
        List<Descriptor> descriptors = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] content = new byte[sizes[i]];
            random.nextBytes(content);
            byte[] tar = tar("file" + i + ".bin", content);
            layers.add(tar);
            Digest d = Digest.sha256(tar);
            descriptors.add(Descriptor.of(MediaTypes.OCI_LAYER, d, tar.length));
            diffIds.add("\"" + d + "\"");
        }
        byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + String.join(",", diffIds) + "]},\"seed\":" + seed
                + "}").getBytes(StandardCharsets.UTF_8);
        Descriptor configDescriptor = Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256(config), config.length);
        byte[] manifest = JSON.writeValueAsBytes(new Manifest(2, MediaTypes.OCI_MANIFEST, configDescriptor, descriptors, null));
        return new TestImage(config, configDescriptor, layers, descriptors, manifest, Digest.sha256(manifest));
    }

    static byte[] tar(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(content.length);
            entry.setMode(0644);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    public Descriptor manifestDescriptor(Platform platform) {
        return Descriptor.of(MediaTypes.OCI_MANIFEST, manifestDigest, manifest.length).withPlatform(platform);
    }

    /** An OCI index over the given images' manifests, each with its platform. */
    public static byte[] index(List<Descriptor> entries) throws IOException {
        return JSON.writeValueAsBytes(new Index(2, MediaTypes.OCI_INDEX, entries, null));
    }

    /** Puts blobs and manifest into the fake under {@code repo:tag}. */
    public void publish(FakeRegistry registry, String repo, String tag) {
        registry.putBlob(repo, config);
        layers.forEach(l -> registry.putBlob(repo, l));
        registry.putManifest(repo, tag, MediaTypes.OCI_MANIFEST, manifest);
    }

    /** Puts blobs into a local content store (for pushes). */
    public void store(TestBlobStore store) throws IOException {
        store.put(config);
        for (byte[] l : layers) {
            store.put(l);
        }
        store.put(manifest);
    }
}
