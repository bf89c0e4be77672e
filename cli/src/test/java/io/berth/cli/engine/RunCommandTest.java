package io.berth.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.cli.CliHarness;
import io.berth.cli.client.FakeDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code run}/{@code create} flags → the create body (golden JSON), and the run sequence against a fake daemon. */
class RunCommandTest {
    private static final String ID = "4f1c2a9b8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b";

    private final FakeDaemon daemon;

    RunCommandTest() throws IOException {
        daemon = new FakeDaemon();
        daemon.json("POST /containers/create", 201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}");
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private CliHarness.Result berth(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-H";
        all[1] = daemon.host();
        System.arraycopy(args, 0, all, 2, args.length);
        return new CliHarness().env("HOME", "/nonexistent").env("FROM_ENV", "yes").run(all);
    }

    private String createBody(String... args) {
        CliHarness.Result r = berth(args);
        assertEquals(0, r.code(), r.err());
        assertEquals(ID + "\n", r.out());
        return daemon.last("POST /containers/create").text();
    }

    @Test
    void whenCreateHasOnlyAnImage_thenTheBodyIsDockersMinimum() {
        assertEquals("{\"AttachStdin\":false,\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":false,"
                + "\"OpenStdin\":false,\"StdinOnce\":false,\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":"
                + "\"default\",\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0},\"AutoRemove\":false}}",
                createBody("create", "busybox"));
    }

    @Test
    void whenCreateHasTheCommonFlags_thenEachLandsInItsField() {
        String body = createBody("create", "--name", "web", "-e", "A=1", "-e", "FROM_ENV", "-e", "UNSET",
                "-w", "/srv", "-u", "1000:1000", "-l", "tier=web", "--restart", "on-failure:3", "--init",
                "--network", "none", "-v", "/data", "-v", "vol:/var/lib:ro", "--read-only", "--tmpfs", "/run:size=64m",
                "--cap-add", "NET_ADMIN", "--cap-drop", "ALL", "--ulimit", "nofile=1024:2048", "-m", "512m",
                "--memory-swap", "-1", "--cpus", "1.5", "--cpu-shares", "512", "--cpuset-cpus", "0-1",
                "--pids-limit", "100", "--blkio-weight", "300", "--shm-size", "64m",
                "--security-opt", "no-new-privileges", "--hostname", "box", "--sysctl", "net.ipv4.ip_forward=1",
                "--stop-signal", "SIGQUIT", "--stop-timeout", "5", "--log-driver", "json-file",
                "--log-opt", "max-size=10m", "--dns", "10.0.0.2", "--add-host", "db:10.0.0.3",
                "busybox", "sh", "-c", "echo hi");
        assertEquals("{\"Hostname\":\"box\",\"User\":\"1000:1000\",\"AttachStdin\":false,\"AttachStdout\":true,"
                + "\"AttachStderr\":true,\"Tty\":false,\"OpenStdin\":false,\"StdinOnce\":false,"
                + "\"Env\":[\"A=1\",\"FROM_ENV=yes\"],\"Cmd\":[\"sh\",\"-c\",\"echo hi\"],\"Image\":\"busybox\","
                + "\"Volumes\":{\"/data\":{}},\"WorkingDir\":\"/srv\",\"Labels\":{\"tier\":\"web\"},"
                + "\"StopSignal\":\"SIGQUIT\",\"StopTimeout\":5,\"HostConfig\":{\"Binds\":[\"vol:/var/lib:ro\"],"
                + "\"NetworkMode\":\"none\",\"RestartPolicy\":{\"Name\":\"on-failure\",\"MaximumRetryCount\":3},"
                + "\"AutoRemove\":false,\"CapAdd\":[\"NET_ADMIN\"],\"CapDrop\":[\"ALL\"],\"Dns\":[\"10.0.0.2\"],"
                + "\"ExtraHosts\":[\"db:10.0.0.3\"],\"ReadonlyRootfs\":true,\"SecurityOpt\":[\"no-new-privileges\"],"
                + "\"Tmpfs\":{\"/run\":\"size=64m\"},\"Init\":true,\"LogConfig\":{\"Type\":\"json-file\",\"Config\":"
                + "{\"max-size\":\"10m\"}},\"Sysctls\":{\"net.ipv4.ip_forward\":\"1\"},\"Memory\":536870912,"
                + "\"MemorySwap\":-1,\"NanoCpus\":1500000000,\"CpuShares\":512,\"CpusetCpus\":\"0-1\","
                + "\"PidsLimit\":100,\"BlkioWeight\":300,\"ShmSize\":67108864,\"Ulimits\":[{\"Name\":\"nofile\","
                + "\"Hard\":2048,\"Soft\":1024}]}}", body);
        assertEquals(Map.of("name", "web"), daemon.last("POST /containers/create").query());
    }

    @Test
    void whenHealthPortsAndMountsAreGiven_thenDockersShapesAreSent() {
        String body = createBody("create", "--health-cmd", "wget -q localhost", "--health-interval", "30s",
                "--health-timeout", "1m30s", "--health-retries", "3", "--health-start-period", "500ms",
                "-p", "8080:80", "-p", "127.0.0.1::53/udp", "-P", "--expose", "9000-9001",
                "--mount", "type=bind,source=/srv,target=/srv,readonly,bind-propagation=rslave",
                "--mount", "type=volume,src=data,dst=/data,volume-opt=type=nfs,volume-nocopy",
                "--mount", "type=tmpfs,target=/tmp,tmpfs-size=1m,tmpfs-mode=1770",
                "--entrypoint", "", "-it", "busybox");
        assertEquals("{\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,\"ExposedPorts\":{"
                + "\"9000/tcp\":{},\"9001/tcp\":{},\"80/tcp\":{},\"53/udp\":{}},\"Tty\":true,\"OpenStdin\":true,"
                + "\"StdinOnce\":false,\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"wget -q localhost\"],"
                + "\"Interval\":30000000000,\"Timeout\":90000000000,\"StartPeriod\":500000000,\"Retries\":3},"
                + "\"Image\":\"busybox\",\"Entrypoint\":[\"\"],\"HostConfig\":{\"NetworkMode\":\"default\","
                + "\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}],\"53/udp\":[{\"HostIp\":"
                + "\"127.0.0.1\",\"HostPort\":\"\"}]},\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0},"
                + "\"AutoRemove\":false,\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/srv\",\"Target\":\"/srv\","
                + "\"ReadOnly\":true,\"BindOptions\":{\"Propagation\":\"rslave\"}},{\"Type\":\"volume\",\"Source\":"
                + "\"data\",\"Target\":\"/data\",\"VolumeOptions\":{\"NoCopy\":true,\"DriverConfig\":{\"Name\":"
                + "\"local\",\"Options\":{\"type\":\"nfs\"}}}},{\"Type\":\"tmpfs\",\"Target\":\"/tmp\","
                + "\"TmpfsOptions\":{\"SizeBytes\":1048576,\"Mode\":1016}}],\"PublishAllPorts\":true}}", body);
    }

    @Test
    void whenEnvAndLabelFilesAreGiven_thenTheirLinesAreRead(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("app.env"), "# comment\n\nA=1\nFROM_ENV\nNOT_SET\nB=two words\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("labels"), "x=1\ny\n", StandardCharsets.UTF_8);
        String body = createBody("create", "--env-file", dir.resolve("app.env").toString(), "-e", "C=3",
                "--label-file", dir.resolve("labels").toString(), "--no-healthcheck", "busybox");
        assertTrue(body.contains("\"Env\":[\"A=1\",\"FROM_ENV=yes\",\"B=two words\",\"C=3\"]"), body);
        assertTrue(body.contains("\"Labels\":{\"x\":\"1\",\"y\":\"\"}"), body);
        assertTrue(body.contains("\"Healthcheck\":{\"Test\":[\"NONE\"]}"), body);
    }

    @Test
    void whenAFlagValueIsBad_thenExit1BeforeAnyCall() {
        for (List<String> args : List.of(List.of("--restart", "sometimes"), List.of("-p", "80:x"),
                List.of("-m", "12q"), List.of("--mount", "type=bind,target=/x"), List.of("--rm", "--restart", "always"),
                List.of("--health-interval", "ten"), List.of("-v", "rel:dir"))) {
            List<String> line = new java.util.ArrayList<>(List.of("create"));
            line.addAll(args);
            line.add("busybox");
            CliHarness.Result r = berth(line.toArray(String[]::new));
            assertEquals(1, r.code(), args + ": " + r.err());
            assertTrue(r.err().startsWith("berth: "), r.err());
        }
        assertEquals(List.of(), daemon.calls());
    }

    @Test
    void whenRunDetaches_thenItCreatesStartsAndPrintsTheId() {
        daemon.status("POST /containers/" + ID + "/start", 204);

        CliHarness.Result r = berth("run", "-d", "--rm", "busybox", "sleep", "10");

        assertEquals(0, r.code(), r.err());
        assertEquals(ID + "\n", r.out());
        assertEquals(List.of("POST /containers/create", "POST /containers/" + ID + "/start"), daemon.calls());
        assertTrue(daemon.last("POST /containers/create").text().contains("\"AutoRemove\":true"));
    }

    @Test
    void whenRunIsAttached_thenOutputIsStreamedAndTheExitCodeIsTheContainers() {
        daemon.on("GET /containers/" + ID + "/attach", (req, in, out) -> {
            out.write("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(FakeDaemon.frame(1, "hello\n"));
            out.write(FakeDaemon.frame(2, "oops\n"));
            out.flush();
        });
        daemon.on("POST /containers/" + ID + "/wait", (req, in, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            FakeDaemon.chunk(out, "{\"StatusCode\":3}\n".getBytes(StandardCharsets.UTF_8));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
        daemon.status("POST /containers/" + ID + "/start", 204);

        CliHarness.Result r = berth("run", "--rm", "busybox", "sh", "-c", "echo hello; echo oops >&2; exit 3");

        assertEquals(3, r.code(), r.err());
        assertEquals("hello\n", r.out());
        assertEquals("oops\n", r.err());
        assertEquals(Map.of("condition", "removed"), daemon.last("POST /containers/" + ID + "/wait").query());
        assertEquals(Map.of("stream", "1", "stdout", "1", "stderr", "1"),
                daemon.last("GET /containers/" + ID + "/attach").query());
    }

    @Test
    void whenTheImageIsMissing_thenItIsPulledAndCreateRetried() {
        int[] creates = {0};
        daemon.on("POST /containers/create", (req, in, out) -> {
            if (creates[0]++ == 0) {
                FakeDaemon.respond(out, 404, "application/json",
                        "{\"category\":\"NOT_FOUND\",\"message\":\"No such image: busybox:latest\"}");
            } else {
                FakeDaemon.respond(out, 201, "application/json", "{\"Id\":\"" + ID + "\",\"Warnings\":[]}");
            }
        });
        daemon.chunked("POST /images/create", "application/json",
                "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\n",
                "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"a1b2c3d4e5f6\"}\n",
                "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":10,\"total\":100},\"id\":\"a1b2c3d4e5f6\"}\n",
                "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"a1b2c3d4e5f6\"}\n",
                "{\"status\":\"Digest: sha256:abc\"}\n",
                "{\"status\":\"Status: Downloaded newer image for busybox:latest\"}\n");

        CliHarness.Result r = berth("create", "busybox");

        assertEquals(0, r.code(), r.err());
        assertEquals("Unable to find image 'busybox:latest' locally\n"
                + "latest: Pulling from library/busybox\n"
                + "a1b2c3d4e5f6: Pulling fs layer\n"
                + "a1b2c3d4e5f6: Pull complete\n"
                + "Digest: sha256:abc\n"
                + "Status: Downloaded newer image for busybox:latest\n", r.err());
        assertEquals(Map.of("fromImage", "busybox", "tag", "latest"), daemon.last("POST /images/create").query());
        assertEquals(2, creates[0]);
    }

    @Test
    void whenTheDaemonRefusesToStart_thenDockersExitCodes() {
        daemon.error("POST /containers/" + ID + "/start", 400, "INVALID_ARGUMENT",
                "failed to create task: exec: \"nope\": executable file not found in $PATH");
        CliHarness.Result r = berth("run", "-d", "busybox", "nope");
        assertEquals(127, r.code());
        assertEquals("Error response from daemon: failed to create task: exec: \"nope\": executable file not found"
                + " in $PATH\n", r.err());

        daemon.error("POST /containers/create", 409, "CONFLICT", "Conflict. The container name \"/web\" is already"
                + " in use");
        assertEquals(125, berth("run", "--name", "web", "busybox").code());
        assertEquals(126, ContainerSession.exitCodeOf("exec /bin/x: permission denied"));
    }

    @Test
    void whenTheTtyIsAskedWithoutATerminal_thenDockersMessage() {
        CliHarness.Result r = berth("run", "-it", "busybox");

        assertEquals(1, r.code());
        assertEquals("berth: the input device is not a TTY\n", r.err());
    }
}
