package io.berth.agent.registry;

import io.berth.agent.image.Digest;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.image.spec.MediaTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes a test image as an OCI image layout directory (what {@code skopeo copy oci:DIR:TAG} reads). */
final class OciLayout {
    private OciLayout() {
    }

    static void write(Path dir, TestImage image, String tag) throws IOException {
        Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        blob(blobs, image.config());
        for (byte[] layer : image.layers()) {
            blob(blobs, layer);
        }
        blob(blobs, image.manifest());
        Descriptor entry = Descriptor.of(MediaTypes.OCI_MANIFEST, image.manifestDigest(), image.manifest().length)
                .withAnnotations(Map.of("org.opencontainers.image.ref.name", tag));
        Files.write(dir.resolve("index.json"), TestImage.index(List.of(entry)));
    }

    private static void blob(Path blobs, byte[] bytes) throws IOException {
        Files.write(blobs.resolve(Digest.sha256(bytes).hex()), bytes);
    }
}
