package io.berth.scheduler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containers through berthd's API against the real runtime (runc under conmon), image store (overlayfs) and
 * volumes, as root. Every container is removed and the daemon closed after each test, even on failure.
 */
class ContainersIT {
    private static final String CGROUP_PARENT = "berth-test-" + ProcessHandle.current().pid();
    private static Path busyboxTar;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private final Random random = new Random();
    private BerthDaemon daemon;
    private ApiClient api;

    @BeforeAll
    static void makeBusybox() throws Exception {
        new ProcessBuilder("/work/shared/tools/net-guard.sh", "up").inheritIO().start().waitFor();
        busyboxTar = shared.resolve("busybox.tar");
        Path script = Path.of(System.getProperty("user.dir")).resolveSibling("samples/base-images/make-busybox.sh");
        Process make = new ProcessBuilder("bash", script.toString(), busyboxTar.toString()).inheritIO().start();
        assertEquals(0, make.waitFor(), "make-busybox.sh failed");
    }

    /** The test's cgroup parent, made by runc under every hierarchy: removed when empty. */
    @org.junit.jupiter.api.AfterAll
    static void removeCgroupParent() throws IOException {
        try (var hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                Files.deleteIfExists(hierarchy.resolve(CGROUP_PARENT));
            }
        }
    }

    @BeforeEach
    void start() throws IOException {
        daemon = daemon();
        try (InputStream in = Files.newInputStream(busyboxTar)) {
            daemon.engine().images().archives().load(in);
        }
        api = new ApiClient(daemon.config().socket());
    }

    private BerthDaemon daemon() {
        DaemonConfig config = DaemonConfig.defaults().withRoots(dir.resolve("d"), dir.resolve("r"))
                .withCgroupParent(CGROUP_PARENT);
        return new BerthDaemon(config, Clock.systemUTC(), () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }).start();
    }

    @AfterEach
    void cleanUp() throws IOException {
        try {
            if (daemon != null) {
                JsonArray all = new JsonArray(api.get("/containers/json?all=1").body());
                for (int i = 0; i < all.size(); i++) {
                    api.delete("/containers/" + all.getJsonObject(i).getString("Id") + "?force=1&v=1");
                }
            }
        } finally {
            if (daemon != null) {
                daemon.close();
            }
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                assertTrue(!line.contains(dir.toString()), "mount left behind: " + line);
            }
        }
    }

    private String create(String name, String body) throws IOException {
        ApiClient.Response created = api.post("/containers/create" + (name == null ? "" : "?name=" + name), body);
        assertEquals(201, created.status(), created.body());
        return new JsonObject(created.body()).getString("Id");
    }

    private JsonObject inspect(String id) throws IOException {
        return new JsonObject(api.get("/containers/" + id + "/json").body());
    }

    @Test
    void whenAContainerRuns_thenItsOutputExitCodeAndStateAreThere() throws IOException {
        String id = create("hello", "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo out; echo err >&2; exit 3\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        ApiClient.Response started = api.post("/containers/hello/start", null);
        assertEquals(204, started.status(), started.body());
        ApiClient.Response waited = api.post("/containers/" + id + "/wait", null);
        assertEquals(3, new JsonObject(waited.body()).getInteger("StatusCode"), waited.body());
        JsonObject state = inspect(id).getJsonObject("State");
        assertEquals("exited", state.getString("Status"));
        assertEquals(3, state.getInteger("ExitCode"));
        String logs = api.get("/containers/" + id + "/logs?stdout=1&stderr=1").body();
        assertEquals("out\n", ApiClient.demux(logs, 1));
        assertEquals("err\n", ApiClient.demux(logs, 2));
        JsonArray listed = new JsonArray(api.get("/containers/json?all=1").body());
        assertEquals("/hello", listed.getJsonObject(0).getJsonArray("Names").getString(0));
        assertTrue(listed.getJsonObject(0).getString("Status").startsWith("Exited (3)"), listed.encode());
    }

    @Test
    void whenTheNameIsTakenOrTheImageMissing_thenTheErrorSaysWhichAndNothingIsLeft() throws IOException {
        String id = create("taken", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
        ApiClient.Response conflict = api.post("/containers/create?name=taken", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
        assertEquals(409, conflict.status());
        assertTrue(conflict.body().contains("already in use by container \\\"" + id), conflict.body());
        ApiClient.Response missing = api.post("/containers/create", "{\"Image\":\"nosuch:1\",\"Cmd\":[\"true\"]}");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("No such image: nosuch:1"), missing.body());
        // The runtime container is made at create (so that a client can attach before start): an unknown user
        // is found then, said by name, and nothing of that container stays.
        ApiClient.Response badUser = api.post("/containers/create?name=baduser",
                "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"User\":\"nobody-here\"}");
        assertEquals(400, badUser.status(), badUser.body());
        assertTrue(badUser.body().contains("nobody-here"), badUser.body());
        assertEquals(1, new JsonArray(api.get("/containers/json?all=1").body()).size());
    }

    @Test
    void whenTheProcessFails_thenTheOnFailurePolicyRestartsItUpToItsLimit() throws IOException {
        String id = create(null, "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo run; exit 1\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"none\",\"RestartPolicy\":{\"Name\":\"on-failure\",\"MaximumRetryCount\":2}}}");
        api.post("/containers/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonObject c = inspect(id);
            return c.getInteger("RestartCount") == 2 && "exited".equals(c.getJsonObject("State").getString("Status"));
        });
        String logs = ApiClient.demux(api.get("/containers/" + id + "/logs?stdout=1").body(), 1);
        assertEquals("run\nrun\nrun\n", logs, "the log goes on across restarts");
    }

    @Test
    void whenBerthdStopsAndStartsAgain_thenTheContainerRunsOnAndIsAdopted() throws IOException {
        String id = create("sleeper", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"300\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        api.post("/containers/" + id + "/start", null);
        int pid = inspect(id).getJsonObject("State").getInteger("Pid");
        assertTrue(pid > 0);
        daemon.close();
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the container outlives berthd");
        daemon = daemon();
        api = new ApiClient(daemon.config().socket());
        JsonObject state = inspect(id).getJsonObject("State");
        assertEquals("running", state.getString("Status"));
        assertEquals(pid, state.getInteger("Pid"));
        assertEquals(204, api.post("/containers/" + id + "/stop?t=1", null).status());
        assertEquals("exited", inspect(id).getJsonObject("State").getString("Status"));
    }

    @Test
    void whenANamedVolumeIsMounted_thenItsDataOutlivesTheContainer() throws IOException {
        String writer = create(null, "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo kept > /data/f\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"none\",\"Binds\":[\"keep:/data\"]}}");
        api.post("/containers/" + writer + "/start", null);
        api.post("/containers/" + writer + "/wait", null);
        assertEquals(204, api.delete("/containers/" + writer + "?v=1").status());
        String reader = create(null, "{\"Image\":\"busybox\",\"Cmd\":[\"cat\",\"/data/f\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"none\",\"Binds\":[\"keep:/data:ro\"]}}");
        api.post("/containers/" + reader + "/start", null);
        api.post("/containers/" + reader + "/wait", null);
        assertEquals("kept\n", ApiClient.demux(api.get("/containers/" + reader + "/logs?stdout=1").body(), 1));
        List<Object> mounts = inspect(reader).getJsonArray("Mounts").getList();
        assertTrue(mounts.toString().contains("keep"), mounts.toString());
    }

    @Test
    void whenRemovingARunningContainer_thenForceIsNeeded() throws IOException {
        String id = create(null, "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"300\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        api.post("/containers/" + id + "/start", null);
        ApiClient.Response refused = api.delete("/containers/" + id);
        assertEquals(409, refused.status(), refused.body());
        assertEquals(204, api.delete("/containers/" + id + "?force=1").status());
        assertEquals(404, api.get("/containers/" + id + "/json").status());
    }
}
