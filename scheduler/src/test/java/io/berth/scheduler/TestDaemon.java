package io.berth.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A real berthd in this JVM for an integration test: its own data and run roots under {@code dir}, its own cgroup
 * parent, the API client on its socket. {@link #close} removes every container through the API, closes the
 * daemon and fails when a mount under {@code dir} is left, also after a failed test.
 */
final class TestDaemon implements AutoCloseable {
    private final Path dir;
    final BerthDaemon daemon;
    final ApiClient api;

    private TestDaemon(Path dir, BerthDaemon daemon) {
        this.dir = dir;
        this.daemon = daemon;
        this.api = new ApiClient(daemon.config().socket());
    }

    static TestDaemon start(Path dir, String cgroupParent, UnaryOperator<DaemonConfig> tweak) {
        Random random = new Random();
        DaemonConfig config = tweak.apply(DaemonConfig.defaults().withRoots(dir.resolve("d"), dir.resolve("r"))
                .withCgroupParent(cgroupParent));
        BerthDaemon daemon = new BerthDaemon(config, Clock.systemUTC(), () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }).start();
        return new TestDaemon(dir, daemon);
    }

    /** Makes the busybox image of {@code samples/base-images/make-busybox.sh} as a docker-archive tar. */
    static Path busyboxTar(Path dir) throws IOException, InterruptedException {
        Path tar = dir.resolve("busybox.tar");
        Path script = Path.of(System.getProperty("user.dir")).resolveSibling("samples/base-images/make-busybox.sh");
        Process make = new ProcessBuilder("bash", script.toString(), tar.toString()).inheritIO().start();
        assertEquals(0, make.waitFor(), "make-busybox.sh failed");
        return tar;
    }

    /** Removes the test's cgroup parent in every hierarchy (runc made it; it is empty once containers are gone). */
    static void removeCgroupParent(String parent) throws IOException {
        try (var hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                Files.deleteIfExists(hierarchy.resolve(parent));
            }
        }
    }

    /** Loads an image tar through the API ({@code POST /images/load}); returns the progress stream's text. */
    String load(Path tar) throws IOException {
        ApiClient.Response r = api.send("POST", "/images/load", java.util.Map.of(), Files.readAllBytes(tar),
                "application/x-tar");
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    /** Creates a container through the API; returns its ID. */
    String create(String body) throws IOException {
        ApiClient.Response created = api.post("/containers/create", body);
        assertEquals(201, created.status(), created.body());
        return new io.vertx.core.json.JsonObject(created.body()).getString("Id");
    }

    /** Creates, starts and waits for a container; returns its ID. */
    String run(String body) throws IOException {
        String id = create(body);
        assertEquals(204, api.post("/containers/" + id + "/start", null).status());
        ApiClient.Response waited = api.post("/containers/" + id + "/wait", null);
        assertEquals(200, waited.status(), waited.body());
        return id;
    }

    @Override
    public void close() throws IOException {
        List<String> leftovers = new ArrayList<>();
        try {
            JsonArray all = new JsonArray(api.get("/containers/json?all=1").body());
            for (int i = 0; i < all.size(); i++) {
                api.delete("/containers/" + all.getJsonObject(i).getString("Id") + "?force=1&v=1");
            }
        } finally {
            daemon.close();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                if (line.contains(dir.toString())) {
                    leftovers.add(line);
                }
            }
        }
        assertEquals(List.of(), leftovers, "mounts left behind");
    }
}
