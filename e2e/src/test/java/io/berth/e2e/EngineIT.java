package io.berth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker-style engine commands of the built distribution against a real berthd (runc under conmon,
 * overlayfs, volumes), as a user types them.
 */
class EngineIT {
    @TempDir
    static Path shared;
    private static Path busybox;

    @TempDir
    Path dir;
    private Berthd berthd;

    @BeforeAll
    static void makeBusybox() throws Exception {
        new ProcessBuilder("/work/shared/tools/net-guard.sh", "up").inheritIO().start().waitFor();
        busybox = shared.resolve("busybox.tar");
        Process make = new ProcessBuilder("bash", BerthProcess.repo().resolve("samples/base-images/make-busybox.sh")
                .toString(), busybox.toString()).inheritIO().start();
        assertEquals(0, make.waitFor());
    }

    @BeforeEach
    void start() throws Exception {
        berthd = new Berthd(dir.resolve("b")).start();
        BerthProcess.Result loaded = berthd.run("load", "-i", busybox.toString());
        assertEquals(0, loaded.code(), loaded.toString());
        assertTrue(loaded.out().contains("Loaded image: busybox:latest"), loaded.toString());
    }

    @AfterEach
    void stop() throws Exception {
        berthd.close();
    }

    @Test
    void runPrintsTheOutputAndExitsWithTheContainersCode() {
        BerthProcess.Result hello = berthd.run("run", "--rm", "--network", "none", "busybox", "echo", "hello");
        assertEquals(0, hello.code(), hello.toString());
        assertEquals("hello\n", hello.out());
        BerthProcess.Result seven = berthd.run("run", "--network", "none", "--name", "seven", "busybox", "sh", "-c",
                "echo bye >&2; exit 7");
        assertEquals(7, seven.code(), seven.toString());
        assertEquals("bye\n", seven.err());
        BerthProcess.Result ps = berthd.run("ps", "-a", "--format", "{{.Names}} {{.Status}}");
        assertTrue(ps.out().startsWith("seven Exited (7)"), ps.toString());
        assertEquals(0, berthd.run("rm", "seven").code());
        assertEquals("", berthd.run("ps", "-aq").out());
    }

    @Test
    void aDetachedContainerCanBeListedExecutedInLoggedStoppedAndRemoved() {
        BerthProcess.Result id = berthd.run("run", "-d", "--name", "web", "--network", "none", "busybox", "sh", "-c",
                "echo started; exec sleep 300");
        assertEquals(0, id.code(), id.toString());
        assertTrue(id.out().trim().matches("[0-9a-f]{64}"), id.toString());
        BerthProcess.Result ps = berthd.run("ps");
        assertTrue(ps.out().contains("web") && ps.out().contains("Up "), ps.toString());
        BerthProcess.Result exec = berthd.run("exec", "web", "cat", "/etc/hostname");
        assertEquals(id.out().substring(0, 12) + "\n", exec.out(), exec.toString());
        assertEquals("started\n", berthd.run("logs", "web").out());
        assertEquals(0, berthd.run("stop", "-t", "1", "web").code());
        BerthProcess.Result state = berthd.run("inspect", "-f", "{{.State.Status}}", "web");
        assertEquals("exited\n", state.out(), state.toString());
        BerthProcess.Result rm = berthd.run("rm", "web");
        assertEquals(0, rm.code(), rm.toString());
        BerthProcess.Result gone = berthd.run("inspect", "web");
        assertEquals(1, gone.code());
        assertTrue(gone.err().contains("No such"), gone.toString());
    }

    @Test
    void killingBerthdNeverStopsAContainerAndTheNextOneAdoptsIt() throws Exception {
        assertEquals(0, berthd.run("run", "-d", "--name", "survivor", "--network", "none", "busybox", "sleep", "300")
                .code());
        String pid = berthd.run("inspect", "-f", "{{.State.Pid}}", "survivor").out().trim();
        berthd.kill9();
        assertTrue(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false),
                "the container's process outlives berthd");
        berthd.start();
        assertEquals(pid + "\n", berthd.run("inspect", "-f", "{{.State.Pid}}", "survivor").out());
        BerthProcess.Result ps = berthd.run("ps", "--format", "{{.Names}} {{.State}}");
        assertEquals("survivor running\n", ps.out(), ps.toString());
        assertEquals(0, berthd.run("rm", "-f", "survivor").code());
        assertTrue(!ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aMissingImageOrATakenNameIsAClearErrorAndLeavesNothing() {
        BerthProcess.Result missing = berthd.run("create", "--network", "none", "--pull", "never", "nosuch:1", "true");
        assertEquals(125, missing.code(), missing.toString());
        assertTrue(missing.err().contains("nosuch"), missing.toString());
        assertEquals(0, berthd.run("create", "--name", "one", "busybox", "true").code());
        BerthProcess.Result taken = berthd.run("create", "--name", "one", "busybox", "true");
        assertEquals(125, taken.code(), taken.toString());
        assertTrue(taken.err().contains("is already in use by container"), taken.toString());
        assertEquals(1, berthd.run("ps", "-aq").out().trim().split("\n").length);
    }
}
