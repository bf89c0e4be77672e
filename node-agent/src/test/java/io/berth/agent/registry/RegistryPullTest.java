package io.berth.agent.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.agent.image.Digest;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.MediaTypes;
import io.berth.agent.image.spec.Platform;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.io.TempDir;

/** Pulls against a boundary fake of a registry on 127.0.0.1: manifests, indexes, resume, verification, errors. */
class RegistryPullTest {
    @TempDir(factory = ScratchDirFactory.class)
    Path dir;
    FakeRegistry registry;
    TestBlobStore store;
    ExecutorService executor;
    RegistryClient client;
    final List<LayerProgress> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        registry = new FakeRegistry();
        store = new TestBlobStore(dir.resolve("store"));
        executor = Executors.newFixedThreadPool(4);
        client = RegistryClient.create(RegistryConfig.defaults(), CredentialStore.none(), executor, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        client.close();
        registry.close();
        executor.shutdownNow();
    }

    private static String stack(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    private ImageReference ref(String rest) {
        return ImageReference.parse(registry.host() + "/" + rest);
    }

    private PullResult pull(ImageReference ref) {
        return client.pull(ref, Platform.LINUX_AMD64, store, store, events::add);
    }

    @Test
    void whenPulledByTag_thenManifestConfigAndLayersAreStoredAndVerified() throws IOException {
        TestImage image = TestImage.random(1, "amd64", 300_000, 70_000, 5_000, 1);
        image.publish(registry, "app/web", "v1");
        PullResult result = pull(ref("app/web:v1"));
        assertEquals(image.manifestDigest(), result.manifestDigest());
        assertEquals(MediaTypes.OCI_MANIFEST, result.manifestMediaType());
        assertArrayEquals(image.manifest(), result.manifest());
        assertEquals(image.configDescriptor(), result.config());
        assertEquals(image.layerDescriptors(), result.layers());
        assertTrue(result.indexDigest().isEmpty());
        assertEquals(image.manifestDigest(), result.repositoryDigest());
        assertArrayEquals(image.config(), store.read(image.configDescriptor().parsedDigest()));
        assertArrayEquals(image.manifest(), store.read(image.manifestDigest()));
        for (int i = 0; i < image.layers().size(); i++) {
            assertArrayEquals(image.layers().get(i), store.read(image.layerDescriptors().get(i).parsedDigest()));
        }
        String first = image.layerDescriptors().get(0).parsedDigest().shortHex();
        List<String> states = events.stream().filter(e -> e.id().equals(first)).map(LayerProgress::status).toList();
        assertEquals("Pulling fs layer", states.get(0));
        assertTrue(states.contains("Downloading"), states::toString);
        assertEquals(List.of("Verifying Checksum", "Download complete"), states.subList(states.size() - 2, states.size()));
        assertTrue(events.stream().anyMatch(e -> e.status().equals("Waiting")), "the 4th layer waits for a slot");
    }

    @Test
    void whenPulledAgain_thenLayersAlreadyExist() throws IOException {
        TestImage image = TestImage.random(2, "amd64", 10_000);
        image.publish(registry, "x", "latest");
        pull(ref("x"));
        events.clear();
        pull(ref("x"));
        assertEquals(List.of("Already exists"), events.stream().map(LayerProgress::status).toList());
        assertEquals(1, registry.log.stream().filter(l -> l.startsWith("GET /v2/x/blobs/"
                + image.layerDescriptors().get(0).digest())).count(), "the layer is fetched once");
    }

    @Test
    void whenPulledByDigest_thenTheBytesMustHaveThatDigest() throws IOException {
        TestImage image = TestImage.random(3, "amd64", 1000);
        image.publish(registry, "x", "latest");
        PullResult result = pull(ref("x@" + image.manifestDigest()));
        assertEquals(image.manifestDigest(), result.manifestDigest());

        TestImage other = TestImage.random(4, "amd64", 1000);
        other.publish(registry, "x", "other");
        // the registry answers the digest of one image with the bytes of another
        registry.manifests.put("x@" + image.manifestDigest(), registry.manifests.get("x@other"));
        BerthException e = assertThrows(BerthException.class, () -> pull(ref("x@" + image.manifestDigest())));
        assertEquals(ErrorCategory.FAILED_PRECONDITION, e.category());
        assertTrue(e.getMessage().contains("digest mismatch: asked for " + image.manifestDigest() + ", got "
                + other.manifestDigest()), e.getMessage());
    }

    @Test
    void whenTheRegistryAnnouncesAnotherDigest_thenThePullFails() throws IOException {
        TestImage.random(5, "amd64", 1000).publish(registry, "x", "latest");
        registry.wrongContentDigest = "sha256:" + "0".repeat(64);
        BerthException e = assertThrows(BerthException.class, () -> pull(ref("x")));
        assertTrue(e.getMessage().contains("announced by the registry sha256:000"), e.getMessage());
    }

    @Test
    void whenTheTagIsAnIndex_thenLinuxAmd64IsChosen() throws IOException {
        TestImage amd = TestImage.random(6, "amd64", 2000);
        TestImage arm = TestImage.random(7, "arm64", 3000);
        amd.publish(registry, "multi", null);
        arm.publish(registry, "multi", null);
        byte[] index = TestImage.index(List.of(
                arm.manifestDescriptor(new Platform("arm64", "linux", null, null, "v8")),
                amd.manifestDescriptor(Platform.LINUX_AMD64)));
        String indexDigest = registry.putManifest("multi", "latest", MediaTypes.OCI_INDEX, index);
        PullResult result = pull(ref("multi"));
        assertEquals(amd.manifestDigest(), result.manifestDigest());
        assertEquals(Digest.parse(indexDigest), result.indexDigest().orElseThrow());
        assertEquals(Digest.parse(indexDigest), result.repositoryDigest());
        assertArrayEquals(index, store.read(Digest.parse(indexDigest)));
        assertFalse(store.has(arm.layerDescriptors().get(0).parsedDigest()));

        BerthException e = assertThrows(BerthException.class, () -> client.pull(ref("multi"),
                new Platform("s390x", "linux", null, null, null), store, store, PullListener.NONE));
        assertEquals(ErrorCategory.NOT_FOUND, e.category());
        assertTrue(e.getMessage().startsWith("no matching manifest for linux/s390x in the manifest list entries"));
    }

    @Test
    void whenTheTagOrRepositoryIsMissing_thenNotFoundNamesTheReferenceAndTheRegistryAnswer() throws IOException {
        TestImage.random(8, "amd64", 10).publish(registry, "busybox", "latest");
        BerthException e = assertThrows(BerthException.class, () -> pull(ref("busybox:nope")));
        assertEquals(ErrorCategory.NOT_FOUND, e.category());
        assertEquals("manifest for " + registry.host() + "/busybox:nope not found: manifest unknown: manifest unknown",
                e.getMessage());
        e = assertThrows(BerthException.class, () -> pull(ref("nothing/here")));
        assertEquals("repository " + registry.host() + "/nothing/here not found: name unknown: repository name not"
                + " known to registry", e.getMessage());
    }

    @Test
    void whenAPartialIngestExists_thenTheDownloadResumesWithRange() throws IOException {
        TestImage image = TestImage.random(9, "amd64", 200_000);
        image.publish(registry, "x", "latest");
        Digest layer = image.layerDescriptors().get(0).parsedDigest();
        Files.write(store.partialPath(layer), Arrays.copyOf(image.layers().get(0), 123_456));
        pull(ref("x"));
        assertArrayEquals(image.layers().get(0), store.read(layer));
        assertTrue(registry.log.stream().anyMatch(l -> l.contains(layer.toString()) && l.contains("range=bytes=123456-")),
                registry.log::toString);
    }

    @Test
    void whenTheRegistryIgnoresRange_thenTheWholeBlobIsFetchedAgain() throws IOException {
        TestImage image = TestImage.random(10, "amd64", 200_000);
        image.publish(registry, "x", "latest");
        registry.ignoreRange = true;
        Digest layer = image.layerDescriptors().get(0).parsedDigest();
        Files.write(store.partialPath(layer), Arrays.copyOf(image.layers().get(0), 50_000));
        pull(ref("x"));
        assertArrayEquals(image.layers().get(0), store.read(layer));
        assertTrue(registry.log.stream().anyMatch(l -> l.contains(layer.toString()) && l.contains("range=null")));
    }

    @Test
    void whenTheConnectionDropsMidBlob_thenTheRetryResumes() throws IOException {
        TestImage image = TestImage.random(11, "amd64", 400_000);
        image.publish(registry, "x", "latest");
        registry.cutBlobAfter = 100_000;
        registry.cutsLeft = 2; // the config and the layer are both cut once
        pull(ref("x"));
        Digest layer = image.layerDescriptors().get(0).parsedDigest();
        assertArrayEquals(image.layers().get(0), store.read(layer));
        assertTrue(events.stream().anyMatch(e -> e.state() == ProgressState.RETRYING), events::toString);
        assertTrue(registry.log.stream().anyMatch(l -> l.contains(layer.toString()) && l.contains("range=bytes=")),
                registry.log::toString);
    }

    @Test
    void whenABlobIsCorrupt_thenTheErrorNamesBothDigestsAndNothingIsLeft() throws IOException {
        TestImage image = TestImage.random(12, "amd64", 100_000);
        image.publish(registry, "x", "latest");
        Digest layer = image.layerDescriptors().get(0).parsedDigest();
        registry.corruptBlob = layer.toString();
        BerthException e = assertThrows(BerthException.class, () -> pull(ref("x")));
        assertEquals(ErrorCategory.FAILED_PRECONDITION, e.category());
        assertTrue(e.getMessage().contains("digest mismatch: expected " + layer + ", got sha256:"), e.getMessage());
        assertFalse(Files.exists(store.partialPath(layer)));
        assertFalse(store.has(layer));
        assertFalse(store.has(image.manifestDigest()), "no manifest without its layers");
    }

    @Test
    void whenAResumedBlobIsCorrupt_thenTheCommitRefusesItAndDeletesThePartial() throws IOException {
        TestImage image = TestImage.random(13, "amd64", 100_000);
        image.publish(registry, "x", "latest");
        Digest layer = image.layerDescriptors().get(0).parsedDigest();
        byte[] wrongPrefix = Arrays.copyOf(image.layers().get(0), 1000);
        wrongPrefix[10] ^= 1;
        Files.write(store.partialPath(layer), wrongPrefix);
        BerthException e = assertThrows(BerthException.class, () -> pull(ref("x")));
        assertTrue(e.getMessage().contains("failed verification: digest mismatch: expected " + layer), () -> stack(e));
        assertFalse(Files.exists(store.partialPath(layer)));
    }

    @Test
    void whenBlobsRedirectToStorage_thenTheyAreFollowedWithoutCredentials() throws IOException {
        registry.auth = FakeRegistry.Auth.BEARER;
        TestImage image = TestImage.random(14, "amd64", 50_000);
        image.publish(registry, "x", "latest");
        registry.redirectBlobs = true;
        RegistryClient authed = client.withCredentials(new Credentials("alice", "s3cret"));
        authed.pull(ref("x"), Platform.LINUX_AMD64, store, store, PullListener.NONE);
        assertArrayEquals(image.layers().get(0), store.read(image.layerDescriptors().get(0).parsedDigest()));
        assertTrue(registry.log.stream().anyMatch(l -> l.startsWith("GET /storage/")));
        assertFalse(registry.authOnStorage, "credentials must not follow a redirect to another host");
    }

    @Test
    void whenTheManifestIsSchema1_thenThePullIsRefused() {
        registry.putManifest("old", "latest", "application/vnd.docker.distribution.manifest.v1+prettyjws",
                "{\"schemaVersion\":1,\"fsLayers\":[]}".getBytes());
        BerthException e = assertThrows(BerthException.class, () -> pull(ref("old")));
        assertTrue(e.getMessage().startsWith("[DEPRECATION NOTICE] Docker Image Format v1"), e.getMessage());
    }

    @Test
    void whenContentTypeIsGeneric_thenTheDocumentSaysWhatItIs() throws IOException {
        TestImage.random(15, "amd64", 10).publish(registry, "x", "latest");
        registry.manifestContentType = "application/json";
        assertEquals(MediaTypes.OCI_MANIFEST, pull(ref("x")).manifestMediaType());
    }

    @Test
    void whenNothingListens_thenTheErrorIsTransient() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        BerthException e = assertThrows(BerthException.class,
                () -> pull(ImageReference.parse("127.0.0.1:" + port + "/x")));
        assertEquals(ErrorCategory.UNAVAILABLE, e.category());
        assertEquals("registry 127.0.0.1:" + port + " unreachable: connection refused (transient: retry when it is up)",
                e.getMessage());
    }
}
