package io.berth.agent.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.agent.image.ImageUsage.ContainerUse;
import io.berth.agent.image.internal.layer.TarBuilder;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image records and Docker's image commands, on images made by import (no mounts, no root needed). */
class ImageStoreTest {
    @TempDir
    Path dataRoot;
    final List<ContainerUse> users = new ArrayList<>();
    Images images;
    ImageStore store;

    @BeforeEach
    void open() throws IOException {
        images = Images.open(new ImagesConfig(dataRoot, id -> List.copyOf(users), ReferenceNormalizer.DOCKER,
                Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC), 2));
        store = images.store();
    }

    @AfterEach
    void close() {
        images.close();
    }

    private Image importTar(String content, NewImage spec) throws IOException {
        byte[] tar = new TarBuilder().dir("etc", 0755).file("etc/motd", content).build();
        return images.archives().importImage(new ByteArrayInputStream(tar), spec);
    }

    @Test
    void whenImported_thenTheImageIsFoundByNameIdAndIdPrefix() throws IOException {
        Image image = importTar("hi", new NewImage(List.of("CMD [\"sh\"]", "ENV A=1", "LABEL x=y"), "me", "first",
                null, List.of("busybox")));
        assertEquals(List.of("docker.io/library/busybox:latest"), image.repoTags());
        assertEquals(image.id(), store.get("busybox").id());
        assertEquals(image.id(), store.get("busybox:latest").id());
        assertEquals(image.id(), store.get(image.id().toString()).id());
        assertEquals(image.id(), store.get(image.id().hex().substring(0, 5)).id());
        assertEquals(image.id(), store.get("sha256:" + image.id().hex().substring(0, 7)).id());
        assertEquals(Map.of("x", "y"), image.labels());
        assertEquals(2, image.size());
        BerthException e = assertThrows(BerthException.class, () -> store.get("nope"));
        assertEquals(ErrorCategory.NOT_FOUND, e.category());
        assertEquals("No such image: nope", e.getMessage());
    }

    @Test
    void whenRecordsAreReopened_thenImagesAndNamesAreKept() throws IOException {
        Image image = importTar("x", NewImage.named("a:1"));
        images.close();
        open();
        assertEquals(image, store.get("a:1"));
    }

    @Test
    void whenTagMovesToAnotherImage_thenTheOldOneBecomesDangling() throws IOException {
        Image first = importTar("one", NewImage.named("app:latest"));
        Image second = importTar("two", NewImage.named("app:latest"));
        assertNotEquals(first.id(), second.id());
        assertTrue(store.get(first.id().toString()).dangling());
        assertEquals(List.of(first.id()), store.list(ImageFilter.parse(List.of("dangling=true"))).stream().map(Image::id).toList());
        assertEquals(List.of(second.id()), store.list(ImageFilter.parse(List.of("reference=app*"))).stream().map(Image::id).toList());
        assertEquals(List.of(), store.list(ImageFilter.parse(List.of("reference=other"))));
    }

    @Test
    void whenRmiByNameWithOtherTags_thenOnlyUntags() throws IOException {
        Image image = importTar("x", NewImage.named("a:1"));
        store.tag("a:1", "b:2");
        assertEquals(List.of(ImageDeleteItem.untagged("docker.io/library/a:1")), store.remove("a:1", false));
        assertEquals(List.of("docker.io/library/b:2"), store.get(image.id().toString()).repoTags());
        List<ImageDeleteItem> items = store.remove("b:2", false);
        assertEquals(ImageDeleteItem.untagged("docker.io/library/b:2"), items.get(0));
        assertEquals(ImageDeleteItem.deleted(image.id()), items.get(1));
        assertEquals(image.layers().get(0).chainId().toString(), items.get(2).deleted());
        assertTrue(store.find(image.id().toString()).isEmpty());
        assertFalse(images.content().has(image.id()));
        assertFalse(images.content().has(image.layers().get(0).digest()));
        assertEquals(0, Files.list(dataRoot.resolve("snapshots")).count());
    }

    @Test
    void whenRmiByIdOfImageInTwoRepositories_thenItMustBeForced() throws IOException {
        Image image = importTar("x", NewImage.named("a:1"));
        store.tag("a:1", "b:1");
        BerthException e = assertThrows(BerthException.class, () -> store.remove(image.id().hex().substring(0, 12), false));
        assertEquals(ErrorCategory.CONFLICT, e.category());
        assertEquals("conflict: unable to delete " + image.id().shortHex()
                + " (must be forced) - image is referenced in multiple repositories", e.getMessage());
        List<ImageDeleteItem> items = store.remove(image.id().toString(), true);
        assertEquals(4, items.size(), items.toString());
        assertTrue(store.list(ImageFilter.NONE).isEmpty());
    }

    @Test
    void whenAContainerUsesTheImage_thenRmiRefusesAsDockerDoes() throws IOException {
        Image image = importTar("x", NewImage.named("a:1"));
        users.add(new ContainerUse("0123456789abcdef", false));
        BerthException byName = assertThrows(BerthException.class, () -> store.remove("a:1", false));
        assertTrue(byName.getMessage().contains("unable to remove repository reference \"a:1\" (must force) - container"
                + " 0123456789ab is using its referenced image " + image.id().shortHex()), byName.getMessage());
        BerthException byId = assertThrows(BerthException.class, () -> store.remove(image.id().toString(), false));
        assertTrue(byId.getMessage().endsWith("image is being used by stopped container 0123456789ab"), byId.getMessage());
        users.set(0, new ContainerUse("0123456789abcdef", true));
        BerthException running = assertThrows(BerthException.class, () -> store.remove(image.id().toString(), true));
        assertTrue(running.getMessage().contains("(cannot be forced) - image is being used by running container"),
                running.getMessage());
        // forced, by name, the container stopped: Docker untags and deletes (the container keeps its layers)
        users.set(0, new ContainerUse("0123456789abcdef", false));
        List<ImageDeleteItem> items = store.remove("a:1", true);
        assertEquals(ImageDeleteItem.untagged("docker.io/library/a:1"), items.get(0));
        assertEquals(ImageDeleteItem.deleted(image.id()), items.get(1));
    }

    @Test
    void whenPruned_thenDanglingImagesGoUnlessUsed() throws IOException {
        Image old = importTar("one", NewImage.named("app"));
        Image current = importTar("two", NewImage.named("app"));
        PruneReport report = store.prune(false, ImageFilter.NONE);
        assertTrue(report.deleted().contains(ImageDeleteItem.deleted(old.id())), report.toString());
        assertEquals(3, report.spaceReclaimed());
        assertEquals(List.of(current.id()), store.list(ImageFilter.NONE).stream().map(Image::id).toList());
        assertEquals(List.of(), store.prune(false, ImageFilter.NONE).deleted());
        users.add(new ContainerUse("c1", false));
        assertEquals(List.of(), store.prune(true, ImageFilter.NONE).deleted());
        users.clear();
        assertTrue(store.prune(true, ImageFilter.NONE).deleted().contains(ImageDeleteItem.deleted(current.id())));
    }

    @Test
    void whenHistoryAndInspectAreAsked_thenTheyShowConfigAndLayers() throws IOException {
        Image image = importTar("hello", new NewImage(List.of("CMD [\"sh\"]", "EXPOSE 80", "WORKDIR /srv",
                "USER 1000"), "someone", "imported for a test", null, List.of("t:1")));
        List<HistoryEntry> history = store.history("t:1");
        assertEquals(1, history.size());
        assertEquals(image.id().toString(), history.get(0).id());
        assertEquals(5, history.get(0).size());
        assertEquals("imported for a test", history.get(0).comment());
        assertEquals(List.of("t:1"), history.get(0).tags());
        ImageInspect inspect = store.inspect("t:1");
        assertEquals(List.of("t:1"), inspect.repoTags());
        assertEquals("someone", inspect.author());
        assertEquals("imported for a test", inspect.comment());
        assertEquals(List.of("sh"), inspect.config().cmd());
        assertEquals("/srv", inspect.config().workingDir());
        assertEquals("1000", inspect.config().user());
        assertTrue(inspect.config().exposedPorts().containsKey("80/tcp"));
        assertEquals("amd64", inspect.architecture());
        assertEquals("linux", inspect.os());
        assertEquals(List.of(image.layers().get(0).diffId().toString()), inspect.rootFs().layers());
        assertEquals("2025-01-02T03:04:05Z", inspect.created());
    }

    @Test
    void whenTheSameTreeIsImportedTwice_thenTheLayerDigestIsTheSame() throws IOException {
        Image a = importTar("same", NewImage.named("a"));
        Image b = importTar("same", NewImage.named("b"));
        assertEquals(a.layers().get(0).digest(), b.layers().get(0).digest());
        assertEquals(a.id(), b.id());
    }

    @Test
    void whenPrefixIsAmbiguous_thenTheErrorSaysSo() throws IOException {
        for (int i = 0; i < 40; i++) {
            importTar("n" + i, NewImage.named("n" + i));
        }
        BerthException e = assertThrows(BerthException.class, () -> {
            for (char c : "0123456789abcdef".toCharArray()) {
                store.get(String.valueOf(c));
            }
        });
        assertTrue(e.getMessage().startsWith("multiple IDs found with provided prefix"), e.getMessage());
    }
}
