package io.berth.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The volume routes of berthd over its real volume store, with a real container using a volume, as root. */
class VolumesIT {
    private static final String CGROUP_PARENT = "berth-test-vol" + ProcessHandle.current().pid();
    private static Path busyboxTar;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private TestDaemon berthd;
    private ApiClient api;

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
        berthd = TestDaemon.start(dir, CGROUP_PARENT, c -> c);
        api = berthd.api;
    }

    @AfterEach
    void stop() throws IOException {
        berthd.close();
    }

    @Test
    void whenVolumesAreCreatedUsedAndRemoved_thenTheAnswersAreDockers() throws IOException {
        long since = Instant.now().getEpochSecond();
        ApiClient.Response created = api.post("/volumes/create", "{\"Name\":\"keep\",\"Labels\":{\"tier\":\"db\"}}");
        assertEquals(201, created.status(), created.body());
        JsonObject volume = new JsonObject(created.body());
        assertEquals("keep", volume.getString("Name"));
        assertEquals("local", volume.getString("Driver"));
        assertEquals("db", volume.getJsonObject("Labels").getString("tier"));
        assertTrue(Files.isDirectory(Path.of(volume.getString("Mountpoint"))));
        assertEquals(201, api.post("/volumes/create", "{\"Name\":\"keep\"}").status(), "same options: the same volume");
        assertEquals(201, api.post("/volumes/create", "{\"Name\":\"other\"}").status());

        JsonArray labelled = new JsonObject(api.get("/volumes?filters=" + enc("{\"label\":[\"tier=db\"]}")).body())
                .getJsonArray("Volumes");
        assertEquals(1, labelled.size(), labelled.encode());
        assertEquals(2, new JsonObject(api.get("/volumes").body()).getJsonArray("Volumes").size());
        assertEquals(volume.getString("Mountpoint"), new JsonObject(api.get("/volumes/keep").body())
                .getString("Mountpoint"));
        ApiClient.Response bad = api.post("/volumes/create", "{\"Name\":\"x\",\"Driver\":\"nfs-magic\"}");
        assertEquals(400, bad.status(), bad.body());

        berthd.load(busyboxTar);
        String id = berthd.run("{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo kept > /data/f\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"none\",\"Binds\":[\"keep:/data\"]}}");
        ApiClient.Response busy = api.delete("/volumes/keep?force=1");
        assertEquals(409, busy.status(), busy.body());
        assertTrue(busy.body().contains("volume is in use") && busy.body().contains(id), busy.body());

        JsonObject pruned = new JsonObject(api.post("/volumes/prune?filters=" + enc("{\"all\":[\"true\"]}"), null).body());
        assertEquals(List.of("other"), pruned.getJsonArray("VolumesDeleted").getList(), "keep is in use");
        assertEquals(204, api.delete("/containers/" + id).status());
        assertEquals(204, api.delete("/volumes/keep").status());
        ApiClient.Response gone = api.get("/volumes/keep");
        assertEquals(404, gone.status(), gone.body());
        assertEquals(404, api.delete("/volumes/keep").status());
        assertEquals(204, api.delete("/volumes/keep?force=1").status(), "force silences no such volume");
        assertFalse(Files.exists(Path.of(volume.getString("Mountpoint"))));

        String events = api.get("/events?since=" + since + "&until=" + (Instant.now().getEpochSecond() + 1)
                + "&filters=" + enc("{\"type\":[\"volume\"]}")).body();
        assertTrue(events.contains("\"Action\":\"create\"") && events.contains("\"Action\":\"destroy\""), events);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
