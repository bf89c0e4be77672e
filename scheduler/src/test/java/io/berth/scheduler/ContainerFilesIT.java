package io.berth.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container's file system through berthd's API (diff, commit, export, cp archive) against the real runtime,
 * overlayfs and volumes, as root. Containers are removed and the daemon closed after each test, even on failure.
 */
class ContainerFilesIT {
    private static final String CGROUP_PARENT = "berth-test-fs" + ProcessHandle.current().pid();
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
    void start() throws IOException {
        berthd = TestDaemon.start(dir, CGROUP_PARENT, c -> c);
        api = berthd.api;
        berthd.load(busyboxTar);
    }

    @AfterEach
    void stop() throws IOException {
        berthd.close();
    }

    @Test
    void whenAContainerWroteAFile_thenDiffCommitAndExportShowIt() throws IOException {
        String id = berthd.run("{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo hi > /hello; rm /etc/group\"],"
                + "\"Env\":[\"FROM_CONTAINER=yes\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        JsonArray changes = new JsonArray(api.get("/containers/" + id + "/changes").body());
        assertTrue(changes.contains(new JsonObject().put("Path", "/hello").put("Kind", 1)), changes.encode());
        assertTrue(changes.contains(new JsonObject().put("Path", "/etc/group").put("Kind", 2)), changes.encode());
        assertTrue(changes.contains(new JsonObject().put("Path", "/etc").put("Kind", 0)), changes.encode());

        ApiClient.Response committed = api.post("/commit?container=" + id + "&repo=committed&tag=1&comment=made+here"
                + "&author=tester&changes=" + enc("ENV A=1") + "&changes=" + enc("LABEL stage=test"), "{}");
        assertEquals(201, committed.status(), committed.body());
        String imageId = new JsonObject(committed.body()).getString("Id");
        JsonObject image = new JsonObject(api.get("/images/committed:1/json").body());
        assertEquals(imageId, image.getString("Id"));
        assertEquals("tester", image.getString("Author"));
        JsonObject config = image.getJsonObject("Config");
        assertEquals(List.of("sh", "-c", "echo hi > /hello; rm /etc/group"), config.getJsonArray("Cmd").getList());
        assertTrue(config.getJsonArray("Env").getList().containsAll(List.of("A=1", "FROM_CONTAINER=yes")), config.encode());
        assertEquals("test", config.getJsonObject("Labels").getString("stage"));
        assertEquals("made here", new JsonArray(api.get("/images/committed:1/history").body()).getJsonObject(0)
                .getString("Comment"));

        String reader = berthd.run("{\"Image\":\"committed:1\",\"Cmd\":[\"sh\",\"-c\",\"cat /hello; ls /etc/group\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        String logs = api.get("/containers/" + reader + "/logs?stdout=1&stderr=1").body();
        assertEquals("hi\n", ApiClient.demux(logs, 1));
        assertTrue(ApiClient.demux(logs, 2).contains("No such file"), logs);

        ApiClient.Response export = api.get("/containers/" + id + "/export");
        assertEquals(200, export.status(), export.body());
        Map<String, String> entries = entries(export.bytes());
        assertEquals("hi\n", entries.get("hello"));
        assertTrue(entries.containsKey("bin/busybox"), entries.keySet().toString());
        assertFalse(entries.containsKey("etc/group"));
    }

    @Test
    void whenCopyingIntoAndOutOfARunningContainer_thenVolumesAreInsideAndNothingLeavesTheRoot() throws IOException {
        String id = berthd.create("{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"ln -s /../../../.. /escape; "
                + "sleep 300\"],\"HostConfig\":{\"NetworkMode\":\"none\",\"Binds\":[\"cpdata:/data\"]}}");
        assertEquals(204, api.post("/containers/" + id + "/start", null).status());
        org.awaitility.Awaitility.await().until(() -> api.send("HEAD", archive(id, "/escape"), Map.of(), null, null)
                .status() == 200);

        ApiClient.Response put = api.send("PUT", archive(id, "/data") + "&noOverwriteDirNonDir=1", Map.of(),
                tar(Map.of("greeting", "hello", "sub/deep/x", "x")), "application/x-tar");
        assertEquals(200, put.status(), put.body());
        String mountpoint = new JsonObject(api.get("/volumes/cpdata").body()).getString("Mountpoint");
        assertEquals("hello", Files.readString(Path.of(mountpoint, "greeting")), "written into the volume");

        ApiClient.Response got = api.get(archive(id, "/data/greeting"));
        assertEquals(200, got.status(), got.body());
        assertEquals(Map.of("greeting", "hello"), entries(got.bytes()));
        JsonObject stat = stat(got);
        assertEquals("greeting", stat.getString("name"));
        assertEquals(5, stat.getLong("size"));
        assertEquals(0, stat.getLong("mode") & (1L << 31));
        assertEquals("hello", entries(api.get(archive(id, "/data")).bytes()).get("data/greeting"));

        JsonObject link = stat(api.send("HEAD", archive(id, "/escape"), Map.of(), null, null));
        assertEquals("/", link.getString("linkTarget"));
        assertTrue((link.getLong("mode") & (1L << 27)) != 0, link.encode());

        String marker = "berth-escape-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        ApiClient.Response viaLink = api.send("PUT", archive(id, "/escape/tmp"), Map.of(), tar(Map.of(marker, "in")),
                "application/x-tar");
        assertEquals(200, viaLink.status(), viaLink.body());
        assertFalse(Files.exists(Path.of("/tmp", marker)), "a link to / in the container must not reach the host");
        assertEquals(200, api.send("HEAD", archive(id, "/tmp/" + marker), Map.of(), null, null).status());

        ApiClient.Response dotdot = api.send("PUT", archive(id, "/tmp"), Map.of(), tar(Map.of("../../" + marker, "x")),
                "application/x-tar");
        assertEquals(400, dotdot.status(), dotdot.body());
        assertTrue(dotdot.body().contains("outside"), dotdot.body());

        ApiClient.Response overwrite = api.send("PUT", archive(id, "/") + "&noOverwriteDirNonDir=1", Map.of(),
                tar(Map.of("tmp", "not a dir")), "application/x-tar");
        assertEquals(400, overwrite.status(), overwrite.body());
        assertTrue(overwrite.body().contains("cannot overwrite directory"), overwrite.body());

        ApiClient.Response missing = api.send("HEAD", archive(id, "/nosuch"), Map.of(), null, null);
        assertEquals(404, missing.status());
        ApiClient.Response notDir = api.send("PUT", archive(id, "/data/greeting"), Map.of(), tar(Map.of("a", "b")),
                "application/x-tar");
        assertEquals(400, notDir.status(), notDir.body());
    }

    @Test
    void whenTheContainerIsStopped_thenCopyStillWorksThroughItsRootFilesystem() throws IOException {
        String id = berthd.run("{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo stopped > /note\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        assertEquals("stopped\n", entries(api.get(archive(id, "/note")).bytes()).get("note"));
        assertEquals(200, api.send("PUT", archive(id, "/root"), Map.of(), tar(Map.of("added", "later")),
                "application/x-tar").status());
        assertEquals("later", entries(api.get(archive(id, "/root/added")).bytes()).get("added"));
        JsonArray changes = new JsonArray(api.get("/containers/" + id + "/changes").body());
        assertTrue(changes.contains(new JsonObject().put("Path", "/root/added").put("Kind", 1)), changes.encode());
    }

    private static String archive(String id, String path) {
        return "/containers/" + id + "/archive?path=" + enc(path);
    }

    private static JsonObject stat(ApiClient.Response r) {
        String header = r.header("X-Docker-Container-Path-Stat");
        assertTrue(header != null, r.headers());
        return new JsonObject(new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8));
    }

    /** A tar of regular files (parent directories implied), names as given. */
    private static byte[] tar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(f.getKey(), TarConstants.LF_NORMAL, true);
                e.setSize(content.length);
                e.setMode(0100644);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The regular files of a tar and their content (directories and links as ""). */
    private static Map<String, String> entries(byte[] tar) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                out.put(name.endsWith("/") ? name.substring(0, name.length() - 1) : name,
                        e.isFile() ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
