package io.berth.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lifecycle, logs, exec, attach and tty against real runc and conmon, as root. */
class ContainerRuntimeIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private RuntimeFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new RuntimeFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    private void awaitLog(String id, String text) {
        await().atMost(WAIT).until(() -> fx.logs(id, true, true).contains(text));
    }

    @Test
    void echoWritesStdoutAndStderrToTheLogSeparately() throws Exception {
        Instant before = Instant.now();
        String id = fx.run(fx.config("sh", "-c", "echo out; echo err >&2; echo out2; exit 3").build());
        ContainerState s = fx.awaitExit(id);
        assertEquals(3, s.exitCode());
        assertEquals("out\nout2\n", fx.logs(id, true, false));
        assertEquals("err\n", fx.logs(id, false, true));
        assertNotNull(s.startedAt());
        assertFalse(s.finishedAt().isBefore(s.startedAt()));
        try (LogStream tail = fx.runtime.logs(id, new LogQuery(false, 1, null, null, true, false))) {
            LogEntry last = tail.next();
            assertEquals("out2\n", last.text());
            assertFalse(last.time().isBefore(before.minusSeconds(1)));
            assertFalse(last.time().isAfter(Instant.now()));
            assertNull(tail.next());
        }
    }

    @Test
    void exitCodesAreReported() {
        assertEquals(0, fx.awaitExit(fx.run(fx.config("true").build())).exitCode());
        assertEquals(1, fx.awaitExit(fx.run(fx.config("false").build())).exitCode());
    }

    @Test
    void exitListenerIsToldOfEachExit() {
        List<ContainerState> seen = new CopyOnWriteArrayList<>();
        fx.runtime.addExitListener(seen::add);
        String id = fx.run(fx.config("sh", "-c", "exit 4").build());
        await().atMost(WAIT).until(() -> seen.stream().anyMatch(s -> s.id().equals(id) && s.exitCode() == 4));
    }

    @Test
    void stopSendsSigkillWhenTheStopSignalIsIgnored() {
        String id = fx.run(fx.config("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 1; done").build());
        awaitLog(id, "ready");
        ContainerState s = fx.runtime.stop(id, Duration.ofMillis(500));
        assertEquals(ContainerStatus.EXITED, s.status());
        assertEquals(137, s.exitCode());
    }

    @Test
    void stopWithTheConfiguredStopSignalEndsAGracefulProcess() {
        String id = fx.run(fx.config("sh", "-c", "trap 'exit 0' USR1; echo ready; while true; do sleep 0.1; done")
                .options(new RuntimeOptions(false, "SIGUSR1", List.of(), null, null, null)).build());
        awaitLog(id, "ready");
        assertEquals(0, fx.runtime.stop(id, Duration.ofSeconds(10)).exitCode());
    }

    @Test
    void killDeliversTheNamedSignal() throws Exception {
        String id = fx.run(fx.config("sh", "-c", "trap 'echo got-hup; exit 7' HUP; echo ready; "
                + "while true; do sleep 0.1; done").build());
        awaitLog(id, "ready");
        fx.runtime.kill(id, "HUP");
        assertEquals(7, fx.awaitExit(id).exitCode());
        assertTrue(fx.logs(id, true, false).contains("got-hup"));
    }

    @Test
    void pauseFreezesAndUnpauseThaws() throws Exception {
        String id = fx.run(fx.config("sleep", "100").build());
        fx.runtime.pause(id);
        assertEquals(ContainerStatus.PAUSED, fx.runtime.state(id).status());
        Path freezer = Path.of("/sys/fs/cgroup/freezer", fx.settings.cgroupParent(), id, "freezer.state");
        assertEquals("FROZEN", Files.readString(freezer).strip());
        fx.runtime.unpause(id);
        assertEquals(ContainerStatus.RUNNING, fx.runtime.state(id).status());
        assertEquals(137, fx.runtime.stop(id, Duration.ofMillis(200)).exitCode());
    }

    @Test
    void execReturnsExitCodeAndOutput() {
        String id = fx.run(fx.config("sleep", "100").build());
        ExecResult r = fx.runtime.exec(id, new ProcessConfig(List.of("sh", "-c", "echo hi; echo oops >&2; exit 5"),
                List.of(), "/", "", false, false), WAIT);
        assertEquals(5, r.exitCode());
        assertEquals("hi\n", r.stdout());
        assertEquals("oops\n", r.stderr());
    }

    @Test
    void attachSendsStdinToCatAndReadsItBack() throws Exception {
        String id = fx.config("cat").openStdin(true).build().id();
        ContainerConfig cfg = ContainerConfig.builder(id, fx.rootfs, List.of("cat")).openStdin(true).build();
        fx.runtime.create(cfg);
        Output out = new Output();
        try (AttachSession a = fx.runtime.attach(id, out)) {
            fx.runtime.start(id);
            byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
            a.write(hello, 0, hello.length);
            await().atMost(WAIT).until(() -> out.stdout().equals("hello\n"));
            a.closeStdin();
            assertEquals(0, fx.awaitExit(id).exitCode());
        }
        assertEquals("hello\n", fx.logs(id, true, false));
    }

    @Test
    void ttyContainerHasATerminalThatCanBeResized() throws Exception {
        ContainerConfig cfg = fx.config("sh").tty(true).openStdin(true).build();
        fx.runtime.create(cfg);
        Output out = new Output();
        try (AttachSession a = fx.runtime.attach(cfg.id(), out)) {
            fx.runtime.start(cfg.id());
            a.resize(30, 100);
            byte[] cmd = "stty size; tty; exit 6\n".getBytes(StandardCharsets.UTF_8);
            a.write(cmd, 0, cmd.length);
            assertEquals(6, fx.awaitExit(cfg.id()).exitCode());
            await().atMost(WAIT).until(() -> out.stdout().contains("30 100") && out.stdout().contains("/dev/pts/0"));
        }
    }

    @Test
    void interactiveExecWithTtyRunsAShell() throws Exception {
        String id = fx.run(fx.config("sleep", "100").build());
        Output out = new Output();
        try (ExecSession e = fx.runtime.execAttached(id,
                new ProcessConfig(List.of("sh"), List.of(), "/", "", true, true), out)) {
            byte[] cmd = "echo $((6*7)); exit 4\n".getBytes(StandardCharsets.UTF_8);
            e.write(cmd, 0, cmd.length);
            assertEquals(4, e.awaitExit(WAIT));
            await().atMost(WAIT).until(() -> out.stdout().contains("42"));
        }
    }

    @Test
    void followingLogsEndsWhenTheContainerExits() throws Exception {
        String id = fx.run(fx.config("sh", "-c", "echo a; sleep 0.5; echo b").build());
        List<String> lines = new ArrayList<>();
        try (LogStream s = fx.runtime.logs(id, LogQuery.all().withFollow(true))) {
            for (LogEntry e = s.next(); e != null; e = s.next()) {
                lines.add(e.text());
            }
        }
        assertEquals(List.of("a\n", "b\n"), lines);
    }

    @Test
    void logRotationKeepsMaxFileFilesAndLosesNothingAtTheSeam() throws Exception {
        ContainerConfig cfg = fx.config("sh", "-c", "i=0; while [ $i -lt 20 ]; do echo line$i; i=$((i+1)); done; cat")
                .openStdin(true).options(new RuntimeOptions(false, null, List.of(), null, null, new LogConfig(500, 3)))
                .build();
        fx.runtime.create(cfg);
        try (AttachSession a = fx.runtime.attach(cfg.id(), new Output())) {
            fx.runtime.start(cfg.id());
            awaitLog(cfg.id(), "line19");
            fx.runtime.rotateLogs(cfg.id());
            Path log = fx.settings.dataRoot().resolve("containers").resolve(cfg.id()).resolve("ctr.log");
            assertTrue(Files.exists(Path.of(log + ".1")));
            byte[] after = "after\n".getBytes(StandardCharsets.UTF_8);
            a.write(after, 0, after.length);
            await().atMost(WAIT).until(() -> Files.exists(log) && Files.readString(log).contains("after"));
            a.closeStdin();
            fx.awaitExit(cfg.id());
        }
        String all = fx.logs(cfg.id(), true, false);
        assertTrue(all.startsWith("line0\n") && all.endsWith("line19\nafter\n"), all);
    }

    @Test
    void conmonLogSizeMaxStartsTheFileAfreshWithMaxFileOne() throws Exception {
        ContainerConfig cfg = fx.config("sh", "-c", "i=0; while [ $i -lt 100 ]; do echo line$i; i=$((i+1)); done")
                .options(new RuntimeOptions(false, null, List.of(), null, null, new LogConfig(600, 1))).build();
        fx.awaitExit(fx.run(cfg));
        Path log = fx.settings.dataRoot().resolve("containers").resolve(cfg.id()).resolve("ctr.log");
        assertTrue(Files.size(log) <= 600, "log is " + Files.size(log) + " bytes");
        assertTrue(fx.logs(cfg.id(), true, false).endsWith("line99\n"));
    }

    @Test
    void topListsTheContainersProcesses() {
        String id = fx.run(fx.config("sleep", "100").build());
        await().atMost(WAIT).until(() -> fx.runtime.state(id).status() == ContainerStatus.RUNNING);
        TopResult top = fx.runtime.top(id, List.of());
        assertTrue(top.titles().contains("PID"));
        assertEquals(1, top.processes().size());
        assertTrue(String.join(" ", top.processes().getFirst()).contains("sleep 100"));
    }

    @Test
    void deleteRemovesDirectoryCgroupAndRuntimeState() {
        String id = fx.run(fx.config("sleep", "100").build());
        Path cgroup = Path.of("/sys/fs/cgroup/memory", fx.settings.cgroupParent(), id);
        assertTrue(Files.isDirectory(cgroup));
        fx.runtime.delete(id, true);
        assertFalse(Files.exists(cgroup));
        assertFalse(Files.exists(fx.settings.dataRoot().resolve("containers").resolve(id)));
        assertFalse(Files.exists(fx.settings.runRoot().resolve(fx.runtime.info().name()).resolve(id)));
        assertTrue(fx.runtime.list().isEmpty());
    }
}
