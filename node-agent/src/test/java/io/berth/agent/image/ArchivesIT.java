package io.berth.agent.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * save/load against skopeo (the reference reader and writer of docker-archive and OCI archives), with the
 * busybox image of samples/base-images/make-busybox.sh.
 */
class ArchivesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static Path work;
    static Path busyboxTar;
    final List<Path> dataRoots = new ArrayList<>();
    final List<Images> opened = new ArrayList<>();

    @BeforeAll
    static void makeBusybox() throws Exception {
        work = Files.createTempDirectory(Path.of("/tmp"), "bt-archives");
        busyboxTar = ImagesFixture.makeBusybox(work.resolve("busybox.tar"));
    }

    @AfterAll
    static void removeWork() throws Exception {
        ImagesFixture.destroy(work);
    }

    @BeforeEach
    void none() {
        dataRoots.clear();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Images i : opened) {
            for (RootFs r : i.rootfs().list()) {
                i.rootfs().remove(r.containerKey());
            }
            i.close();
        }
        for (Path p : dataRoots) {
            ImagesFixture.destroy(p);
        }
    }

    private Images fresh() throws IOException {
        Path root = ImagesFixture.newDataRoot();
        dataRoots.add(root);
        Images images = Images.open(ImagesConfig.defaults(root));
        opened.add(images);
        return images;
    }

    private ImageArchives.LoadResult load(Images images, Path tar) throws IOException {
        try (InputStream in = Files.newInputStream(tar)) {
            return images.archives().load(in);
        }
    }

    private Path save(Images images, List<String> refs, String file) throws IOException {
        Path out = work.resolve(file);
        try (OutputStream o = Files.newOutputStream(out)) {
            images.archives().save(refs, o);
        }
        return out;
    }

    @Test
    void whenTheBusyboxScriptRunsTwice_thenTheArchivesAreIdenticalAndLoadGivesOneImage() throws Exception {
        Path second = ImagesFixture.makeBusybox(work.resolve("busybox2.tar"));
        assertEquals(-1L, Files.mismatch(busyboxTar, second));
        Images images = fresh();
        var result = load(images, busyboxTar);
        assertEquals(List.of("docker.io/library/busybox:latest"), result.names());
        Image image = images.store().get("busybox");
        assertEquals(List.of("sh"), images.store().config(image).config().cmd());
        Path merged = images.rootfs().mount("bb", image.id()).merged();
        assertTrue(Files.isExecutable(merged.resolve("bin/busybox")));
        assertEquals("/bin/busybox", Files.readSymbolicLink(merged.resolve("bin/sh")).toString());
        String out = ImagesFixture.run(List.of("chroot", merged.toString(), "/bin/sh", "-c", "echo hello from $(cat /etc/passwd | head -1 | cut -d: -f1)"));
        assertEquals("hello from root\n", out);
    }

    @Test
    void whenSaved_thenSkopeoReadsTheArchiveAsDockerArchiveAndCopiesItToOci() throws Exception {
        Images images = fresh();
        load(images, busyboxTar);
        Image image = images.store().get("busybox");
        Path saved = save(images, List.of("busybox"), "saved.tar");

        JsonNode inspect = JSON.readTree(ImagesFixture.run(List.of("skopeo", "--insecure-policy", "inspect",
                "docker-archive:" + saved)));
        assertEquals(image.layers().get(0).diffId().toString(), inspect.path("Layers").get(0).asText());
        assertEquals("amd64", inspect.path("Architecture").asText());

        JsonNode config = JSON.readTree(ImagesFixture.run(List.of("skopeo", "--insecure-policy", "inspect", "--config",
                "docker-archive:" + saved)));
        assertEquals("sh", config.path("config").path("Cmd").get(0).asText());

        Path ociDir = work.resolve("oci-dir");
        ImagesFixture.run(List.of("skopeo", "--insecure-policy", "copy", "docker-archive:" + saved, "oci:" + ociDir + ":bb"));
        assertTrue(Files.exists(ociDir.resolve("index.json")));
        JsonNode index = JSON.readTree(ociDir.resolve("index.json").toFile());
        String manifestHex = index.path("manifests").get(0).path("digest").asText().substring(7);
        JsonNode manifest = JSON.readTree(ociDir.resolve("blobs/sha256").resolve(manifestHex).toFile());
        JsonNode ociConfig = JSON.readTree(ociDir.resolve("blobs/sha256")
                .resolve(manifest.path("config").path("digest").asText().substring(7)).toFile());
        // skopeo re-serializes the config when it converts to OCI (so the ID changes); the content is ours
        assertEquals(image.layers().get(0).diffId().toString(), ociConfig.path("rootfs").path("diff_ids").get(0).asText());
        assertEquals("sh", ociConfig.path("config").path("Cmd").get(0).asText());

        Images other = fresh();
        assertEquals(List.of("docker.io/library/busybox:latest"), load(other, saved).names());
        assertEquals(image.id(), other.store().get("busybox").id());
    }

    @Test
    void whenSkopeoWritesOciAndDockerArchives_thenLoadReadsThem() throws Exception {
        Path ociArchive = work.resolve("skopeo-oci.tar");
        Path dockerArchive = work.resolve("skopeo-docker.tar");
        Files.deleteIfExists(ociArchive);
        Files.deleteIfExists(dockerArchive);
        ImagesFixture.run(List.of("skopeo", "--insecure-policy", "copy", "docker-archive:" + busyboxTar,
                "oci-archive:" + ociArchive + ":docker.io/library/busybox:oci"));
        ImagesFixture.run(List.of("skopeo", "--insecure-policy", "copy", "docker-archive:" + busyboxTar,
                "docker-archive:" + dockerArchive + ":busybox:skopeo"));

        Images images = fresh();
        load(images, busyboxTar);
        Image original = images.store().get("busybox");
        assertEquals(List.of("docker.io/library/busybox:oci"), load(images, ociArchive).names());
        assertEquals(List.of("docker.io/library/busybox:skopeo"), load(images, dockerArchive).names());
        for (String name : List.of("busybox:oci", "busybox:skopeo")) {
            Image loaded = images.store().get(name);
            assertEquals(original.layers().get(0).diffId(), loaded.layers().get(0).diffId(), name);
            assertEquals(original.layers().get(0).chainId(), loaded.layers().get(0).chainId(), "one snapshot shared");
            assertEquals(List.of("sh"), images.store().config(loaded).config().cmd());
        }
        try (var s = Files.list(dataRoots.get(0).resolve("snapshots"))) {
            assertEquals(1, s.count(), "the layer is unpacked once");
        }
        Path merged = images.rootfs().mount("oci", images.store().get("busybox:oci").id()).merged();
        assertTrue(Files.isExecutable(merged.resolve("bin/busybox")));
    }
}
