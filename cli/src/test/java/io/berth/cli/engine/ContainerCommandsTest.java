package io.berth.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.cli.CliHarness;
import io.berth.cli.client.FakeDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContainerCommandsTest {
    private final EngineHarness h = new EngineHarness();

    ContainerCommandsTest() throws IOException {
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static final String PS = "[{\"Id\":\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\","
            + "\"Names\":[\"/web\"],\"Image\":\"nginx:1.25\",\"Command\":\"/docker-entrypoint.sh nginx -g 'daemon off;'\","
            + "\"Created\":1704110395,\"State\":\"running\",\"Status\":\"Up 5 seconds (healthy)\","
            + "\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"},"
            + "{\"PrivatePort\":443,\"Type\":\"tcp\"}],\"Labels\":{\"tier\":\"front\"},\"SizeRw\":1200,"
            + "\"SizeRootFs\":187000000,\"Mounts\":[]},"
            + "{\"Id\":\"fedcba9876543210\",\"Names\":[\"/db\"],\"Image\":\"sha256:aabbccddeeff00112233\","
            + "\"Command\":\"true\",\"Created\":1703505600,\"State\":\"exited\",\"Status\":\"Exited (0) 2 days ago\","
            + "\"Ports\":[],\"Labels\":{}}]";

    @Test
    void whenPsRuns_thenDockersColumnsAndTruncation() {
        h.daemon.json("GET /containers/json", 200, PS);

        CliHarness.Result r = h.berth("ps", "-a");

        assertEquals(0, r.code(), r.err());
        assertEquals(""
                + "CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS                   PORTS                           NAMES\n"
                + "0123456789ab   nginx:1.25     \"/docker-entrypoint.…\"   5 seconds ago   Up 5 seconds (healthy)   0.0.0.0:8080->80/tcp, 443/tcp   web\n"
                + "fedcba987654   aabbccddeeff   \"true\"                   7 days ago      Exited (0) 2 days ago                                    db\n",
                r.out());
        assertEquals(Map.of("all", "1"), h.daemon.last("GET /containers/json").query());
    }

    @Test
    void whenPsHasQuietFiltersAndFormats_thenEachWorks() {
        h.daemon.json("GET /containers/json", 200, PS);

        assertEquals("0123456789ab\nfedcba987654\n", h.berth("ps", "-q", "--filter", "status=running",
                "--filter", "label=a=b").out());
        assertEquals(Map.of("filters", "{\"status\":[\"running\"],\"label\":[\"a=b\"]}"),
                h.daemon.last("GET /containers/json").query());
        assertEquals("web front\ndb \n", h.berth("ps", "--format", "{{.Names}} {{.Label \"tier\"}}").out());
        assertEquals("NAMES     SIZE\nweb       1.2kB (virtual 187MB)\ndb        0B\n",
                h.berth("ps", "--format", "table {{.Names}}\\t{{.Size}}").out());
        assertEquals("1", h.daemon.last("GET /containers/json").query().get("size"));
        String json = h.berth("ps", "--format", "json").out().split("\n")[0];
        assertTrue(json.startsWith("{\"Command\":\"\\\"/docker-entrypoint.…\\\"\",\"CreatedAt\":\"2024-01-01 11:59:55"
                + " +0000 UTC\",\"ID\":\"0123456789ab\""), json);
        assertEquals(Map.of("all", "1", "limit", "1"), queryOf(h.berth("ps", "-l")));
    }

    private Map<String, String> queryOf(CliHarness.Result r) {
        assertEquals(0, r.code(), r.err());
        return h.daemon.last("GET /containers/json").query();
    }

    @Test
    void whenLifecycleVerbsRun_thenEachContainerIsNamedAndFailuresReportedOnePerLine() {
        h.daemon.status("POST /containers/a/stop", 204).status("POST /containers/b/stop", 304)
                .error("POST /containers/c/stop", 404, "NOT_FOUND", "No such container: c");

        CliHarness.Result r = h.berth("stop", "-t", "3", "a", "b", "c");

        assertEquals(1, r.code());
        assertEquals("a\nb\n", r.out());
        assertEquals("Error response from daemon: No such container: c\n", r.err());
        assertEquals(Map.of("t", "3"), h.daemon.last("POST /containers/a/stop").query());
    }

    @Test
    void whenKillRmRestartPauseRun_thenTheirQueriesAreDockers() {
        h.daemon.status("POST /containers/w/kill", 204).status("DELETE /containers/w", 204)
                .status("POST /containers/w/restart", 204).status("POST /containers/w/pause", 204)
                .status("POST /containers/w/unpause", 204).status("POST /containers/w/rename", 204);

        assertEquals("w\n", h.berth("kill", "-s", "HUP", "w").out());
        assertEquals(Map.of("signal", "HUP"), h.daemon.last("POST /containers/w/kill").query());
        assertEquals("w\n", h.berth("container", "rm", "-f", "-v", "w").out());
        assertEquals(Map.of("force", "1", "v", "1"), h.daemon.last("DELETE /containers/w").query());
        assertEquals("w\n", h.berth("restart", "w").out());
        assertEquals("w\n", h.berth("pause", "w").out());
        assertEquals("w\n", h.berth("unpause", "w").out());
        assertEquals("", h.berth("rename", "w", "web").out());
        assertEquals(Map.of("name", "web"), h.daemon.last("POST /containers/w/rename").query());
    }

    @Test
    void whenWaitTopDiffPortRun_thenTheyPrintAsDocker() {
        h.daemon.json("POST /containers/w/wait", 200, "{\"StatusCode\":137}")
                .json("GET /containers/w/top", 200, "{\"Titles\":[\"UID\",\"PID\",\"CMD\"],\"Processes\":"
                        + "[[\"root\",\"4123\",\"sleep 1000\"]]}")
                .json("GET /containers/w/changes", 200, "[{\"Path\":\"/etc\",\"Kind\":0},{\"Path\":\"/etc/x\","
                        + "\"Kind\":1},{\"Path\":\"/tmp/y\",\"Kind\":2}]")
                .json("GET /containers/w/json", 200, "{\"NetworkSettings\":{\"Ports\":{\"80/tcp\":[{\"HostIp\":"
                        + "\"0.0.0.0\",\"HostPort\":\"8080\"},{\"HostIp\":\"::\",\"HostPort\":\"8080\"}],\"53/udp\":null,"
                        + "\"443/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8443\"}]}}}");

        assertEquals("137\n", h.berth("wait", "w").out());
        assertEquals("UID                 PID                 CMD\nroot                4123                sleep 1000\n",
                h.berth("top", "w", "-ef").out());
        assertEquals(Map.of("ps_args", "-ef"), h.daemon.last("GET /containers/w/top").query());
        assertEquals("C /etc\nA /etc/x\nD /tmp/y\n", h.berth("diff", "w").out());
        assertEquals("80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n443/tcp -> 127.0.0.1:8443\n",
                h.berth("port", "w").out());
        assertEquals("127.0.0.1:8443\n", h.berth("port", "w", "443").out());
        CliHarness.Result none = h.berth("port", "w", "53/udp");
        assertEquals(1, none.code());
        assertEquals("berth: No public port '53/udp' published for w\n", none.err());
    }

    @Test
    void whenLogsAreFetched_thenTheMultiplexedStreamIsSplitAndSinceIsDockers() {
        h.daemon.json("GET /containers/w/json", 200, "{\"Config\":{\"Tty\":false}}");
        h.daemon.on("GET /containers/w/logs", (req, in, out) -> {
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            FakeDaemon.chunk(out, FakeDaemon.frame(1, "line 1\n"));
            FakeDaemon.chunk(out, FakeDaemon.frame(2, "warn\n"));
            FakeDaemon.chunk(out, FakeDaemon.frame(1, "line 2\n"));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });

        CliHarness.Result r = h.berth("logs", "-f", "--since", "10m", "-n", "5", "-t", "w");

        assertEquals(0, r.code(), r.err());
        assertEquals("line 1\nline 2\n", r.out());
        assertEquals("warn\n", r.err());
        long tenMinutesAgo = CliHarness.NOW.getEpochSecond() - 600;
        assertEquals(Map.of("stdout", "1", "stderr", "1", "since", Long.toString(tenMinutesAgo), "timestamps", "1",
                "follow", "1", "tail", "5"), h.daemon.last("GET /containers/w/logs").query());
    }

    @Test
    void whenExecRuns_thenCreateStartAndTheExitCodeOfTheProcess() {
        h.daemon.json("POST /containers/w/exec", 201, "{\"Id\":\"e1\"}")
                .json("GET /exec/e1/json", 200, "{\"ExitCode\":7,\"Running\":false}");
        h.daemon.on("GET /exec/e1/start", (req, in, out) -> {
            out.write("HTTP/1.1 101 UPGRADED\r\nUpgrade: tcp\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(FakeDaemon.frame(1, "from exec\n"));
            out.flush();
        });

        CliHarness.Result r = h.berth("exec", "-u", "nobody", "-w", "/tmp", "-e", "A=1", "w", "sh", "-c", "exit 7");

        assertEquals(7, r.code(), r.err());
        assertEquals("from exec\n", r.out());
        assertEquals("{\"User\":\"nobody\",\"Privileged\":false,\"Tty\":false,\"AttachStdin\":false,"
                + "\"AttachStderr\":true,\"AttachStdout\":true,\"DetachKeys\":\"\",\"Env\":[\"A=1\"],"
                + "\"WorkingDir\":\"/tmp\",\"Cmd\":[\"sh\",\"-c\",\"exit 7\"]}",
                h.daemon.last("POST /containers/w/exec").text());
        assertEquals("0", h.daemon.last("GET /exec/e1/start").query().get("tty"));
    }

    @Test
    void whenInspectFindsSomeButNotAll_thenTheFoundAreIndentedAndTheMissingReported() {
        h.daemon.json("GET /containers/web/json", 200, "{\"Id\":\"abc\",\"State\":{\"Status\":\"running\"}}")
                .json("GET /images/busybox/json", 200, "{\"Id\":\"sha256:1\"}");

        CliHarness.Result r = h.berth("inspect", "web", "busybox", "nope");

        assertEquals(1, r.code());
        assertEquals("[\n    {\n        \"Id\": \"abc\",\n        \"State\": {\n            \"Status\": \"running\"\n"
                + "        }\n    },\n    {\n        \"Id\": \"sha256:1\"\n    }\n]\n", r.out());
        assertEquals("Error: No such object: nope\n", r.err());
        assertEquals("running\n", h.berth("inspect", "-f", "{{.State.Status}}", "web").out());
        assertEquals("Error: No such volume: web\n", h.berth("volume", "inspect", "web").err());
    }

    @Test
    void whenPruneIsNotConfirmed_thenNothingIsDeleted() {
        h.daemon.json("POST /containers/prune", 200, "{\"ContainersDeleted\":[\"a1\",\"b2\"],\"SpaceReclaimed\":2048}");

        CliHarness.Result no = h.stdin("n\n").berth("container", "prune");
        assertEquals("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ",
                no.out());
        assertEquals(List.of(), h.daemon.calls());

        CliHarness.Result yes = h.stdin("y\n").berth("container", "prune", "--filter", "until=1h");
        assertTrue(yes.out().endsWith("[y/N] Deleted Containers:\na1\nb2\n\nTotal reclaimed space: 2.048kB\n"),
                yes.out());
        assertEquals(Map.of("filters", "{\"until\":[\"1h\"]}"), h.daemon.last("POST /containers/prune").query());
        assertEquals("Deleted Containers:\na1\nb2\n\nTotal reclaimed space: 2.048kB\n",
                h.berth("container", "prune", "-f").out());
    }

    @Test
    void whenEventsStream_thenEachIsOneDockerLine() {
        h.daemon.chunked("GET /events", "application/json",
                "{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"abc\",\"Attributes\":{\"name\":\"web\","
                        + "\"image\":\"busybox\"}},\"time\":1704110400,\"timeNano\":1704110400123456789}\n");

        assertEquals("2024-01-01T12:00:00.123456789Z container start abc (image=busybox, name=web)\n",
                h.berth("events", "--until", "0s").out());
        assertEquals("start web\n", h.berth("events", "--format", "{{.Action}} {{.Actor.Attributes.name}}").out());
    }
}
