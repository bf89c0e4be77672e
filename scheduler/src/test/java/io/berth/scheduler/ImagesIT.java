package io.berth.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image routes of berthd against its real image store (overlayfs snapshots), skopeo and Debian's real
 * docker-registry on 127.0.0.1, as root. Each test has its own daemon and roots; containers, the daemon and
 * registries are stopped and removed afterwards, also on failure.
 */
class ImagesIT {
    private static final String CGROUP_PARENT = "berth-test-img" + ProcessHandle.current().pid();
    private static Path busyboxTar;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private TestDaemon berthd;
    private ApiClient api;
    private TestRegistry registry;
    private long started;

    @BeforeAll
    static void makeBusybox() throws Exception {
        new ProcessBuilder("/work/shared/tools/net-guard.sh", "up").inheritIO().start().waitFor();
        busyboxTar = TestDaemon.busyboxTar(shared);
    }

    @AfterAll
    static void removeCgroupParent() throws IOException {
        TestDaemon.removeCgroupParent(CGROUP_PARENT);
    }

    @BeforeEach
    void start() {
        started = Instant.now().getEpochSecond();
        berthd = TestDaemon.start(dir, CGROUP_PARENT, c -> c);
        api = berthd.api;
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (registry != null) {
                registry.close();
            }
        } finally {
            berthd.close();
        }
    }

    private String imageId(String name) throws IOException {
        ApiClient.Response r = api.get("/images/" + name + "/json");
        assertEquals(200, r.status(), r.body());
        return new JsonObject(r.body()).getString("Id");
    }

    private List<JsonObject> events() throws IOException {
        String body = api.get("/events?since=" + started + "&until=" + (Instant.now().getEpochSecond() + 1)).body();
        return body.lines().filter(l -> !l.isBlank()).map(JsonObject::new).toList();
    }

    private boolean hasEvent(String type, String action) throws IOException {
        return events().stream().anyMatch(e -> type.equals(e.getString("Type")) && action.equals(e.getString("Action")));
    }

    @Test
    void whenBusyboxIsLoaded_thenItIsListedInspectedAndHasHistory() throws IOException {
        String loaded = berthd.load(busyboxTar);
        assertTrue(loaded.contains("{\"stream\":\"Loaded image: busybox:latest\\n\"}"), loaded);
        JsonArray list = new JsonArray(api.get("/images/json").body());
        assertEquals(1, list.size(), list.encode());
        JsonObject image = list.getJsonObject(0);
        assertEquals(List.of("busybox:latest"), image.getJsonArray("RepoTags").getList());
        assertEquals(0, image.getInteger("Containers"));
        assertTrue(image.getLong("Size") > 1_000_000, image.encode());
        assertTrue(image.getString("Id").startsWith("sha256:"));

        JsonObject inspect = new JsonObject(api.get("/images/busybox/json").body());
        assertEquals(image.getString("Id"), inspect.getString("Id"));
        assertEquals(1, inspect.getJsonObject("RootFS").getJsonArray("Layers").size());
        assertEquals("overlay", inspect.getJsonObject("GraphDriver").getString("Name"));
        assertEquals(image.getString("Id"), imageId(image.getString("Id").substring(7, 19)));

        JsonArray history = new JsonArray(api.get("/images/busybox:latest/history").body());
        assertEquals(image.getString("Id"), history.getJsonObject(0).getString("Id"));
        assertEquals(List.of("busybox:latest"), history.getJsonObject(0).getJsonArray("Tags").getList());

        assertEquals(0, new JsonArray(api.get("/images/json?filters=" + enc("{\"dangling\":[\"true\"]}")).body()).size());
        assertEquals(1, new JsonArray(api.get("/images/json?filters=" + enc("{\"reference\":[\"busy*\"]}")).body()).size());
        ApiClient.Response bad = api.get("/images/json?filters=" + enc("{\"color\":[\"red\"]}"));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("invalid filter 'color'"), bad.body());
        ApiClient.Response missing = api.get("/images/nosuch:1/json");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("No such image: nosuch:1"), missing.body());
        assertTrue(hasEvent("image", "load"));
    }

    @Test
    void whenAContainerUsesTheImage_thenRmiRefusesUnlessForced() throws IOException {
        berthd.load(busyboxTar);
        String id = imageId("busybox");
        berthd.create("{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        assertEquals(1, new JsonArray(api.get("/images/json").body()).getJsonObject(0).getInteger("Containers"));

        ApiClient.Response tagged = api.post("/images/busybox/tag?repo=127.0.0.1:5000/team/box&tag=1", null);
        assertEquals(201, tagged.status(), tagged.body());
        assertEquals(id, imageId("127.0.0.1:5000/team/box:1"));
        ApiClient.Response untag = api.delete("/images/127.0.0.1:5000/team/box:1");
        assertEquals(200, untag.status(), untag.body());
        assertEquals("[{\"Untagged\":\"127.0.0.1:5000/team/box:1\"}]", untag.body().strip());

        ApiClient.Response refused = api.delete("/images/busybox");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("CONFLICT") && refused.body().contains("container"), refused.body());
        ApiClient.Response forced = api.delete("/images/busybox?force=1");
        assertEquals(200, forced.status(), forced.body());
        assertTrue(forced.body().contains("{\"Untagged\":\"busybox:latest\"}"), forced.body());
        assertTrue(forced.body().contains("{\"Deleted\":\"" + id + "\"}"), forced.body());
        assertEquals(0, new JsonArray(api.get("/images/json").body()).size());
        assertTrue(hasEvent("image", "tag") && hasEvent("image", "untag") && hasEvent("image", "delete"));
    }

    @Test
    void whenSaved_thenSkopeoReadsTheArchive() throws Exception {
        berthd.load(busyboxTar);
        ApiClient.Response saved = api.get("/images/get?names=busybox");
        assertEquals(200, saved.status(), saved.body());
        assertTrue(saved.headers().toLowerCase().contains("transfer-encoding: chunked"), saved.headers());
        Path tar = dir.resolve("saved.tar");
        Files.write(tar, saved.bytes());
        Process skopeo = new ProcessBuilder("skopeo", "inspect", "docker-archive:" + tar).redirectErrorStream(true).start();
        String out = new String(skopeo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, skopeo.waitFor(), out);
        assertEquals(1, new JsonObject(out).getJsonArray("Layers").size(), out);
        assertTrue(hasEvent("image", "save"));
        ApiClient.Response missing = api.get("/images/get?names=nosuch");
        assertEquals(404, missing.status(), missing.body());
        assertTrue(missing.body().contains("No such image: nosuch"), missing.body());
    }

    @Test
    void whenARootfsTarIsImported_thenItIsAnImageWithTheChanges() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry dir = new TarArchiveEntry("etc/");
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            byte[] content = "imported\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry file = new TarArchiveEntry("etc/hello");
            file.setSize(content.length);
            tar.putArchiveEntry(file);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        ApiClient.Response imported = api.send("POST", "/images/create?fromSrc=-&repo=imported&tag=1&changes="
                + enc("CMD [\"/bin/true\"]") + "&changes=" + enc("ENV A=1"), Map.of(), bytes.toByteArray(),
                "application/x-tar");
        assertEquals(200, imported.status(), imported.body());
        String id = new JsonObject(imported.body().strip()).getString("status");
        assertTrue(id.startsWith("sha256:"), imported.body());
        JsonObject inspect = new JsonObject(api.get("/images/imported:1/json").body());
        assertEquals(id, inspect.getString("Id"));
        assertEquals(List.of("/bin/true"), inspect.getJsonObject("Config").getJsonArray("Cmd").getList());
        assertTrue(inspect.getJsonObject("Config").getJsonArray("Env").getList().contains("A=1"), inspect.encode());
        assertEquals("Imported from -", new JsonArray(api.get("/images/imported:1/history").body())
                .getJsonObject(0).getString("Comment"));
        assertTrue(hasEvent("image", "import"));
    }

    @Test
    void whenPushedToARegistryAndPulledBack_thenProgressIsDockersAndTheImageIsTheSame() throws Exception {
        registry = TestRegistry.start(dir.resolve("registry"), null, null);
        berthd.load(busyboxTar);
        String id = imageId("busybox");
        String repo = registry.host() + "/test/busybox";
        assertEquals(201, api.post("/images/busybox/tag?repo=" + repo + "&tag=v1", null).status());
        ApiClient.Response pushed = api.post("/images/" + repo + "/push?tag=v1", null);
        assertEquals(200, pushed.status(), pushed.body());
        assertTrue(pushed.body().contains("The push refers to repository [" + repo + "]"), pushed.body());
        assertTrue(pushed.body().contains("\"status\":\"Pushed\""), pushed.body());
        assertTrue(pushed.body().contains("\"status\":\"v1: digest: sha256:"), pushed.body());
        assertTrue(pushed.body().contains("\"aux\":{\"Tag\":\"v1\""), pushed.body());
        assertFalse(pushed.body().contains("errorDetail"), pushed.body());

        assertEquals(200, api.delete("/images/" + id + "?force=1").status());
        ApiClient.Response pulled = api.post("/images/create?fromImage=" + repo + "&tag=v1", null);
        assertEquals(200, pulled.status(), pulled.body());
        for (String status : List.of("Pulling from test/busybox", "Pulling fs layer", "Download complete",
                "Extracting", "Pull complete", "Digest: sha256:", "Status: Downloaded newer image for " + repo + ":v1")) {
            assertTrue(pulled.body().contains("\"status\":\"" + status), status + " in " + pulled.body());
        }
        assertEquals(id, imageId(repo + ":v1"));
        JsonObject inspect = new JsonObject(api.get("/images/" + repo + ":v1/json").body());
        assertTrue(inspect.getJsonArray("RepoDigests").getString(0).startsWith(repo + "@sha256:"), inspect.encode());

        ApiClient.Response again = api.post("/images/create?fromImage=" + repo + "&tag=v1", null);
        assertTrue(again.body().contains("Status: Image is up to date for " + repo + ":v1"), again.body());
        assertFalse(again.body().contains("Already exists"), again.body());
        ApiClient.Response missing = api.post("/images/create?fromImage=" + repo + "&tag=nosuch", null);
        assertEquals(404, missing.status(), missing.body());
        assertTrue(missing.body().contains("manifest unknown"), missing.body());
        assertTrue(hasEvent("image", "push") && hasEvent("image", "pull"));
    }

    @Test
    void whenTheRegistryWantsALogin_thenAuthAndTheRegistryAuthHeaderAreUsed() throws Exception {
        registry = TestRegistry.start(dir.resolve("registry"), "berth", "s3cret");
        berthd.load(busyboxTar);
        String repo = registry.host() + "/private/box";
        assertEquals(201, api.post("/images/busybox/tag?repo=" + repo + "&tag=1", null).status());
        ApiClient.Response anonymous = api.post("/images/" + repo + "/push?tag=1", null);
        assertTrue(anonymous.body().contains("errorDetail") && anonymous.body().contains("unauthorized"),
                anonymous.body());

        ApiClient.Response wrong = api.post("/auth", "{\"username\":\"berth\",\"password\":\"nope\",\"serveraddress\":\""
                + registry.host() + "\"}");
        assertTrue(wrong.status() >= 400, wrong.body());
        String auth = Base64.getUrlEncoder().encodeToString(("{\"username\":\"berth\",\"password\":\"s3cret\","
                + "\"serveraddress\":\"" + registry.host() + "\"}").getBytes(StandardCharsets.UTF_8));
        ApiClient.Response pushed = api.send("POST", "/images/" + repo + "/push?tag=1", Map.of("X-Registry-Auth", auth),
                null, null);
        assertTrue(pushed.body().contains("1: digest: sha256:") && !pushed.body().contains("errorDetail"), pushed.body());

        ApiClient.Response login = api.post("/auth", "{\"username\":\"berth\",\"password\":\"s3cret\",\"serveraddress\":\""
                + registry.host() + "\"}");
        assertEquals(200, login.status(), login.body());
        assertEquals("Login Succeeded", new JsonObject(login.body()).getString("Status"));
        assertEquals(200, api.delete("/images/" + repo + ":1").status());
        ApiClient.Response pulled = api.post("/images/create?fromImage=" + repo + "&tag=1", null);
        assertTrue(pulled.body().contains("Status: Downloaded newer image for " + repo + ":1"), pulled.body());
    }

    @Test
    void whenPushingToDockerHub_thenTheErrorSaysItIsUnreachable() throws IOException {
        berthd.load(busyboxTar);
        ApiClient.Response pushed = api.post("/images/busybox/push?tag=latest", null);
        assertTrue(pushed.body().contains("The push refers to repository [docker.io/library/busybox]"), pushed.body());
        assertTrue(pushed.body().contains("errorDetail"), pushed.body());
        assertTrue(pushed.body().contains("unreachable") || pushed.body().contains("transient"), pushed.body());
        ApiClient.Response nothing = api.post("/images/nosuch/push?tag=1", null);
        assertEquals(404, nothing.status(), nothing.body());
        assertTrue(nothing.body().contains("An image does not exist locally with the tag: nosuch"), nothing.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
