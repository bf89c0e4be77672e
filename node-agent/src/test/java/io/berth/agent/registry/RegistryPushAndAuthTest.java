package io.berth.agent.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.MediaTypes;
import io.berth.agent.image.spec.Platform;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes, logins and both authentication schemes against a boundary fake of a registry on 127.0.0.1. */
class RegistryPushAndAuthTest {
    @TempDir(factory = ScratchDirFactory.class)
    Path dir;
    FakeRegistry registry;
    TestBlobStore store;
    CredentialStore credentials;
    RegistryClient client;
    final List<LayerProgress> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        registry = new FakeRegistry();
        store = new TestBlobStore(dir.resolve("store"));
        credentials = CredentialStore.dockerConfig(dir.resolve("config.json"));
        client = RegistryClient.create(RegistryConfig.defaults().withChunkSize(64 * 1024), credentials, Runnable::run,
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        client.close();
        registry.close();
    }

    private ImageReference ref(String rest) {
        return ImageReference.parse(registry.host() + "/" + rest);
    }

    private PushResult push(TestImage image, ImageReference target, MountHints hints) {
        return client.push(PushRequest.of(target, image.manifest(), MediaTypes.OCI_MANIFEST, image.configDescriptor(),
                image.layerDescriptors()).withMountHints(hints), store, events::add);
    }

    @Test
    void whenPushed_thenSmallBlobsGoInOnePutAndLargeOnesInChunks() throws IOException {
        TestImage image = TestImage.random(21, "amd64", 200_000, 1_000);
        image.store(store);
        PushResult result = push(image, ref("team/app:v2"), MountHints.NONE);
        assertEquals(image.manifestDigest(), result.digest());
        assertEquals("v2: digest: " + image.manifestDigest() + " size: " + image.manifest().length, result.dockerLine());
        assertArrayEquals(image.layers().get(0), registry.blobs.get(image.layerDescriptors().get(0).digest()));
        assertTrue(registry.log.contains("stored " + image.layerDescriptors().get(0).digest()
                + " chunks=0-65535;65536-131071;131072-196607;196608-" + (image.layers().get(0).length - 1) + ";"),
                registry.log::toString);
        assertTrue(registry.log.contains("stored " + image.layerDescriptors().get(1).digest() + " chunks="));
        String id = image.layerDescriptors().get(0).parsedDigest().shortHex();
        List<String> states = events.stream().filter(e -> e.id().equals(id)).map(LayerProgress::status).toList();
        assertEquals("Preparing", states.get(0));
        assertTrue(states.contains("Pushing"));
        assertEquals("Pushed", states.get(states.size() - 1));

        PullResult pulled = client.pull(ref("team/app:v2"), Platform.LINUX_AMD64,
                new TestBlobStore(dir.resolve("other")), new TestBlobStore(dir.resolve("other")), PullListener.NONE);
        assertEquals(image.manifestDigest(), pulled.manifestDigest());
    }

    @Test
    void whenTheRegistryHasTheBlobs_thenTheyAreSkipped() throws IOException {
        TestImage image = TestImage.random(22, "amd64", 5_000);
        image.store(store);
        push(image, ref("a:v1"), MountHints.NONE);
        events.clear();
        push(image, ref("a:v2"), MountHints.NONE);
        assertTrue(events.stream().anyMatch(e -> e.status().equals("Layer already exists")));
        assertEquals(2, registry.log.stream().filter(l -> l.startsWith("stored ")).count(), "config and layer once");
    }

    @Test
    void whenAnotherRepositoryHasTheBlob_thenItIsMounted() throws IOException {
        TestImage image = TestImage.random(23, "amd64", 5_000);
        image.store(store);
        push(image, ref("source/img:v1"), MountHints.NONE);
        events.clear();
        ImageReference source = ref("source/img:v1");
        push(image, ref("copy/img:v1"), blob -> List.of(ImageReference.parse("elsewhere.example/x"), source));
        assertTrue(events.stream().anyMatch(e -> e.status().equals("Mounted from source/img")), events::toString);
        assertTrue(registry.log.stream().anyMatch(l -> l.contains("mount=sha256") && l.contains("from=source%2Fimg")));
        assertEquals(2, registry.log.stream().filter(l -> l.startsWith("stored ")).count());
    }

    @Test
    void whenTheRegistryWantsBearerTokens_thenOneTokenPerScopeIsFetchedAndCached() throws IOException {
        registry.auth = FakeRegistry.Auth.BEARER;
        credentials.put(registry.host(), new Credentials("alice", "s3cret"));
        TestImage image = TestImage.random(24, "amd64", 3_000);
        image.store(store);
        push(image, ref("p/q:v1"), MountHints.NONE);
        int afterPush = registry.tokensIssued.get();
        assertEquals(1, afterPush, "one token for repository:p/q:pull,push");
        TestBlobStore fresh = new TestBlobStore(dir.resolve("fresh"));
        client.pull(ref("p/q:v1"), Platform.LINUX_AMD64, fresh, fresh, PullListener.NONE);
        client.pull(ref("p/q:v1"), Platform.LINUX_AMD64, fresh, fresh, PullListener.NONE);
        assertEquals(afterPush + 1, registry.tokensIssued.get(), "one more for repository:p/q:pull, then cached");
        assertTrue(registry.log.stream().filter(l -> l.startsWith("GET /v2/p/q/")).allMatch(l -> l.endsWith("auth=Bearer")));
    }

    @Test
    void whenCredentialsAreMissing_thenUnauthorizedSaysHowToLogIn() throws IOException {
        registry.auth = FakeRegistry.Auth.BEARER;
        TestImage.random(25, "amd64", 10).publish(registry, "secret", "latest");
        BerthException e = assertThrows(BerthException.class, () -> client.pull(ref("secret"), Platform.LINUX_AMD64,
                store, store, PullListener.NONE));
        assertEquals(ErrorCategory.FAILED_PRECONDITION, e.category());
        assertEquals("fetching the manifest of " + registry.host() + "/secret:latest: unauthorized: authentication"
                + " required (log in with `berth login " + registry.host() + "`)", e.getMessage());
    }

    @Test
    void whenTheRegistryWantsBasic_thenStoredCredentialsAreSent() throws IOException {
        registry.auth = FakeRegistry.Auth.BASIC;
        TestImage image = TestImage.random(26, "amd64", 10);
        image.publish(registry, "b", "latest");
        assertThrows(BerthException.class, () -> client.pull(ref("b"), Platform.LINUX_AMD64, store, store,
                PullListener.NONE));
        assertEquals("Login Succeeded", client.login("http://" + registry.host() + "/", new Credentials("alice", "s3cret")));
        registry.log.clear();
        assertEquals(image.manifestDigest(),
                client.pull(ref("b"), Platform.LINUX_AMD64, store, store, PullListener.NONE).manifestDigest());
        assertTrue(registry.log.stream().filter(l -> l.startsWith("GET /v2/b/")).allMatch(l -> l.endsWith("auth=Basic")));
        assertTrue(client.logout(registry.host()));
        assertFalse(client.logout(registry.host()));
    }

    @Test
    void whenLoginCredentialsAreWrong_thenNothingIsStored() {
        registry.auth = FakeRegistry.Auth.BEARER;
        BerthException e = assertThrows(BerthException.class,
                () -> client.login(registry.host(), new Credentials("alice", "wrong")));
        assertEquals(ErrorCategory.FAILED_PRECONDITION, e.category());
        assertTrue(e.getMessage().contains("incorrect username or password"), e.getMessage());
        assertTrue(credentials.get(registry.host()).isEmpty());
    }

    @Test
    void loginStoresDockerConfigAuthsWithMode0600() throws IOException {
        registry.auth = FakeRegistry.Auth.BASIC;
        Files.writeString(dir.resolve("config.json"), "{\"credsStore\":\"\",\"auths\":{\"other:1\":{\"auth\":\"eDp5\"}}}");
        client.login(registry.host(), new Credentials("alice", "s3cret"));
        String text = Files.readString(dir.resolve("config.json"));
        assertTrue(text.contains("\"" + registry.host() + "\""), text);
        assertTrue(text.contains("\"auth\" : \"YWxpY2U6czNjcmV0\""), text);
        assertTrue(text.contains("\"other:1\"") && text.contains("credsStore"), "other keys are kept");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config.json"))));
        assertEquals(new Credentials("x", "y"), credentials.get("http://other:1/v2/").orElseThrow());
    }

    @Test
    void dockerHubCredentialsUseDockersKey() throws IOException {
        credentials.put("", new Credentials("u", "p"));
        assertTrue(Files.readString(dir.resolve("config.json")).contains("https://index.docker.io/v1/"));
        assertEquals(new Credentials("u", "p"), credentials.get("docker.io").orElseThrow());
        assertEquals(new Credentials("u", "p"), credentials.get("registry-1.docker.io").orElseThrow());
        assertTrue(credentials.remove("index.docker.io"));
        assertTrue(credentials.get("docker.io").isEmpty());
    }

    @Test
    void whenAHostIsNotLoopbackNorInsecure_thenPlainHttpIsRefused() throws IOException {
        // 0.0.0.0 reaches this host's listeners but is not a loopback address, so it gets the secure rules;
        // a plain server that answers a TLS hello with an HTTP 400, as Go's registry does
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = Thread.ofVirtual().start(() -> {
                try (java.net.Socket s = plain.accept()) {
                    s.getInputStream().read(new byte[512]);
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                } catch (IOException ignored) {
                    // the test fails on its own assertion if this went wrong
                }
            });
            String plainHost = "0.0.0.0:" + plain.getLocalPort();
            try (RegistryClient strict = RegistryClient.create(RegistryConfig.defaults(), CredentialStore.none(),
                    Runnable::run, Clock.systemUTC())) {
                BerthException e = assertThrows(BerthException.class, () -> strict.pull(
                    ImageReference.parse(plainHost + "/x"), Platform.LINUX_AMD64, store, store, PullListener.NONE));
                assertEquals(ErrorCategory.FAILED_PRECONDITION, e.category());
                assertTrue(e.getMessage().contains("allow it with --insecure-registry " + plainHost), e.getMessage());
            }
            answer.interrupt();
        }
        String host = "0.0.0.0:" + registry.host().split(":")[1];
        TestImage.random(27, "amd64", 10).publish(registry, "x", "latest");
        try (RegistryClient allowed = RegistryClient.create(RegistryConfig.defaults()
                .withInsecureRegistries(List.of(host)), CredentialStore.none(), Runnable::run, Clock.systemUTC())) {
            assertEquals(MediaTypes.OCI_MANIFEST, allowed.pull(ImageReference.parse(host + "/x"), Platform.LINUX_AMD64,
                    store, store, PullListener.NONE).manifestMediaType());
        }
    }
}
