package io.berth.agent.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.agent.image.Digest;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.image.spec.MediaTypes;
import io.berth.agent.image.spec.Platform;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Push and pull against Debian's real docker-registry on 127.0.0.1, and interoperation with skopeo. */
class RegistryIT {
    Path dir;
    RegistryServer server;
    ExecutorService executor;
    RegistryClient client;
    TestBlobStore local;
    final List<LayerProgress> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory(RegistryServer.scratchRoot(), "registry-it-");
        server = RegistryServer.start(null, null);
        executor = Executors.newFixedThreadPool(4);
        client = RegistryClient.create(RegistryConfig.defaults().withChunkSize(1 << 20),
                CredentialStore.dockerConfig(dir.resolve("config.json")), executor, Clock.systemUTC());
        local = new TestBlobStore(dir.resolve("local"));
    }

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        executor.shutdownNow();
        try {
            server.close();
        } finally {
            RegistryServer.deleteTree(dir);
        }
    }

    private ImageReference ref(String rest) {
        return ImageReference.parse(server.host() + "/" + rest);
    }

    private PushResult push(TestImage image, ImageReference target, MountHints hints) throws IOException {
        image.store(local);
        return client.push(PushRequest.of(target, image.manifest(), MediaTypes.OCI_MANIFEST, image.configDescriptor(),
                image.layerDescriptors()).withMountHints(hints), local, events::add);
    }

    private TestBlobStore fresh(String name) throws IOException {
        return new TestBlobStore(dir.resolve(name));
    }

    private static void assertStored(TestImage image, TestBlobStore store) throws IOException {
        assertArrayEquals(image.config(), store.read(image.configDescriptor().parsedDigest()));
        for (int i = 0; i < image.layers().size(); i++) {
            assertArrayEquals(image.layers().get(i), store.read(image.layerDescriptors().get(i).parsedDigest()));
        }
    }

    @Test
    void pushedImagePullsBackByTagAndByDigest() throws IOException {
        TestImage image = TestImage.random(31, "amd64", 3 << 20, 40_000);
        PushResult pushed = push(image, ref("berth/app:v1"), MountHints.NONE);
        assertEquals(image.manifestDigest(), pushed.digest());

        TestBlobStore byTag = fresh("by-tag");
        PullResult result = client.pull(ref("berth/app:v1"), Platform.LINUX_AMD64, byTag, byTag, events::add);
        assertEquals(image.manifestDigest(), result.manifestDigest());
        assertArrayEquals(image.manifest(), byTag.read(image.manifestDigest()));
        assertStored(image, byTag);

        TestBlobStore byDigest = fresh("by-digest");
        result = client.pull(ref("berth/app@" + image.manifestDigest()), Platform.LINUX_AMD64, byDigest, byDigest,
                PullListener.NONE);
        assertEquals(image.manifestDigest(), result.manifestDigest());
        assertStored(image, byDigest);
    }

    @Test
    void indexPullPicksLinuxAmd64() throws IOException {
        TestImage amd = TestImage.random(32, "amd64", 10_000);
        TestImage arm = TestImage.random(33, "arm64", 20_000);
        push(amd, ref("multi@" + amd.manifestDigest()), MountHints.NONE);
        push(arm, ref("multi@" + arm.manifestDigest()), MountHints.NONE);
        byte[] index = TestImage.index(List.of(arm.manifestDescriptor(new Platform("arm64", "linux", null, null, "v8")),
                amd.manifestDescriptor(Platform.LINUX_AMD64)));
        PushResult pushedIndex = client.push(PushRequest.of(ref("multi:latest"), index, MediaTypes.OCI_INDEX, null,
                List.of()), local, PushListener.NONE);

        TestBlobStore store = fresh("multi");
        PullResult result = client.pull(ref("multi"), Platform.LINUX_AMD64, store, store, PullListener.NONE);
        assertEquals(amd.manifestDigest(), result.manifestDigest());
        assertEquals(pushedIndex.digest(), result.indexDigest().orElseThrow());
        assertStored(amd, store);
        assertFalse(store.has(arm.configDescriptor().parsedDigest()));
    }

    @Test
    void partialIngestIsResumed() throws IOException {
        TestImage image = TestImage.random(34, "amd64", 2 << 20);
        push(image, ref("resume:1"), MountHints.NONE);
        TestBlobStore store = fresh("resume");
        Digest layer = image.layerDescriptors().get(0).parsedDigest();
        Files.write(store.partialPath(layer), Arrays.copyOf(image.layers().get(0), 1_000_000));
        client.pull(ref("resume:1"), Platform.LINUX_AMD64, store, store, events::add);
        assertStored(image, store);
        assertTrue(events.stream().anyMatch(e -> e.state() == ProgressState.DOWNLOADING && e.current() == 1_000_000
                && e.id().equals(layer.shortHex())), "the download starts at the partial's end");
        assertFalse(Files.exists(store.partialPath(layer)));
    }

    @Test
    void existingLayersAreSkippedAndOtherRepositoriesMounted() throws IOException {
        TestImage image = TestImage.random(35, "amd64", 50_000);
        push(image, ref("first/img:1"), MountHints.NONE);
        events.clear();
        push(image, ref("first/img:2"), MountHints.NONE);
        assertEquals(List.of("Preparing", "Layer already exists"), statuses(image));
        events.clear();
        push(image, ref("second/img:1"), blob -> List.of(ref("first/img:1")));
        assertEquals(List.of("Preparing", "Mounted from first/img"), statuses(image));
        assertStored(image, pull("second/img:1"));
    }

    private List<String> statuses(TestImage image) {
        String id = image.layerDescriptors().get(0).parsedDigest().shortHex();
        return events.stream().filter(e -> e.id().equals(id)).map(LayerProgress::status).toList();
    }

    private TestBlobStore pull(String rest) throws IOException {
        TestBlobStore store = fresh("pull-" + rest.replaceAll("[^a-z0-9]", "-"));
        client.pull(ref(rest), Platform.LINUX_AMD64, store, store, PullListener.NONE);
        return store;
    }

    @Test
    void missingTagAndRepositoryAreNotFoundInDockersWords() {
        BerthException e = assertThrows(BerthException.class, () -> pull("busybox:nope"));
        assertEquals(ErrorCategory.NOT_FOUND, e.category());
        assertTrue(e.getMessage().startsWith("repository " + server.host() + "/busybox not found: name unknown")
                || e.getMessage().equals("manifest for " + server.host() + "/busybox:nope not found: manifest unknown:"
                        + " manifest unknown"), e.getMessage());
    }

    @Test
    void missingTagOfAnExistingRepositoryIsManifestUnknown() throws IOException {
        push(TestImage.random(36, "amd64", 10), ref("busybox:latest"), MountHints.NONE);
        BerthException e = assertThrows(BerthException.class, () -> pull("busybox:nope"));
        assertEquals("manifest for " + server.host() + "/busybox:nope not found: manifest unknown: manifest unknown",
                e.getMessage());
    }

    @Test
    void stoppedRegistryIsUnavailableAndTransient() throws IOException {
        server.stop();
        BerthException e = assertThrows(BerthException.class, () -> pull("x"));
        assertEquals(ErrorCategory.UNAVAILABLE, e.category());
        assertEquals("registry " + server.host() + " unreachable: connection refused (transient: retry when it is up)",
                e.getMessage());
    }

    @Test
    void skopeoReadsWhatWePushAndWePullWhatSkopeoPushes() throws Exception {
        TestImage image = TestImage.random(37, "amd64", 300_000);
        push(image, ref("ours:1"), MountHints.NONE);
        String raw = Skopeo.run("inspect", "--tls-verify=false", "--raw", "docker://" + server.host() + "/ours:1");
        assertEquals(new String(image.manifest()), raw.strip());
        Skopeo.run("copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--format", "v2s2",
                "docker://" + server.host() + "/ours:1", "docker://" + server.host() + "/theirs:1");
        PullResult viaSkopeo = client.pull(ref("theirs:1"), Platform.LINUX_AMD64, fresh("theirs"), fresh("theirs"),
                PullListener.NONE);
        assertEquals(MediaTypes.DOCKER_MANIFEST, viaSkopeo.manifestMediaType());

        Path layout = dir.resolve("layout");
        TestImage other = TestImage.random(38, "amd64", 100_000);
        OciLayout.write(layout, other, "7");
        Skopeo.run("copy", "--dest-tls-verify=false", "--preserve-digests", "oci:" + layout + ":7",
                "docker://" + server.host() + "/sk:7");
        TestBlobStore store = fresh("sk");
        PullResult result = client.pull(ref("sk:7"), Platform.LINUX_AMD64, store, store, PullListener.NONE);
        assertEquals(other.manifestDigest(), result.manifestDigest());
        assertStored(other, store);
    }

    @Test
    void basicAuthRegistryNeedsLogin() throws IOException {
        try (RegistryServer secured = RegistryServer.start("tester", "pa55word")) {
            ImageReference target = ImageReference.parse(secured.host() + "/private/app:1");
            TestImage image = TestImage.random(39, "amd64", 20_000);
            BerthException e = assertThrows(BerthException.class, () -> push(image, target, MountHints.NONE));
            assertEquals(ErrorCategory.FAILED_PRECONDITION, e.category());
            assertTrue(e.getMessage().contains("unauthorized: authentication required (log in with `berth login "
                    + secured.host() + "`)"), e.getMessage());
            e = assertThrows(BerthException.class, () -> client.login(secured.host(), new Credentials("tester", "nope")));
            assertTrue(e.getMessage().startsWith("login attempt to http://" + secured.host() + "/v2/ failed with status: 401"),
                    e.getMessage());
            assertEquals("Login Succeeded", client.login(secured.host(), new Credentials("tester", "pa55word")));
            assertEquals(image.manifestDigest(), push(image, target, MountHints.NONE).digest());
            TestBlobStore store = fresh("secured");
            client.pull(target, Platform.LINUX_AMD64, store, store, PullListener.NONE);
            assertStored(image, store);
            assertTrue(Files.readString(dir.resolve("config.json")).contains(secured.host()));
        }
    }
}
