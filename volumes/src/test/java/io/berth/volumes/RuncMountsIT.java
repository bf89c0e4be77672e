package io.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mount entries we produce, given to the real runc: a busybox container sees the copied-up volume, writes to
 * it, cannot write to a read-only bind, and has its tmpfs with Docker's options. Network: runc's empty namespace.
 */
class RuncMountsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KernelFixture fx;
    private Path bundle;
    private Path runcRoot;
    private String containerId;

    @BeforeEach
    void setUp() throws Exception {
        fx = new KernelFixture();
        bundle = Files.createDirectory(fx.base.resolve("bundle"));
        runcRoot = Files.createDirectory(fx.base.resolve("runc"));
        containerId = fx.prefix + "-mounts";
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            run(List.of("runc", "--root", runcRoot.toString(), "delete", "-f", containerId));
        } finally {
            fx.close();
        }
    }

    @Test
    void runcMountsWhatContainerMountsGives() throws Exception {
        Path rootfs = Files.createDirectories(bundle.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"));
        rootfs = rootfs.getParent();
        Files.writeString(Files.createDirectories(rootfs.resolve("data")).resolve("seed.txt"), "from image\n");
        Path hostDir = Files.createDirectory(fx.base.resolve("host"));
        Files.writeString(hostDir.resolve("hello"), "hello from host\n");

        VolumeStore store = VolumeStore.local(Files.createDirectory(fx.base.resolve("data-root")), VolumeUsage.NONE,
                Clock.systemUTC(), new SplittableRandom());
        ContainerMounts mounts = new ContainerMounts(store, new OciMountConverter(true));
        MountSpecParser parser = new MountSpecParser();
        String volume = fx.prefix + "vol";
        List<MountRequest> resolved = mounts.resolve(parser.parseAll(
                List.of(volume + ":/data", hostDir + ":/host:ro"),
                List.of("type=bind,src=" + hostDir + ",dst=/ro,readonly"),
                List.of("/scratch:size=1m,mode=1770")), List.of());
        assertEquals(List.of(volume), mounts.populate(resolved, rootfs));
        List<OciMount> oci = mounts.mount(containerId, resolved);
        try {
            writeConfig(oci, String.join("\n",
                    "cat /data/seed.txt",
                    "echo written > /data/new.txt",
                    "if echo x > /ro/x 2>/dev/null; then echo RO-WAS-WRITABLE; fi",
                    "cat /host/hello",
                    "grep ' /scratch ' /proc/mounts",
                    "grep ' /ro ' /proc/mounts"));
            Path out = fx.base.resolve("out.txt");
            int exit = run(List.of("runc", "--root", runcRoot.toString(), "run", "-b", bundle.toString(),
                    containerId), out);
            String output = Files.readString(out);
            assertEquals(0, exit, output);
            assertTrue(output.contains("from image"), output);
            assertTrue(output.contains("hello from host"), output);
            assertFalse(output.contains("RO-WAS-WRITABLE"), output);
            String scratch = output.lines().filter(l -> l.contains(" /scratch ")).findFirst().orElseThrow();
            assertTrue(scratch.startsWith("tmpfs /scratch tmpfs rw,nosuid,nodev,noexec"), scratch);
            assertTrue(scratch.contains("size=1024k") && scratch.contains("mode=1770"), scratch);
            String ro = output.lines().filter(l -> l.contains(" /ro ")).findFirst().orElseThrow();
            assertTrue(ro.contains(" ro,"), ro);
            assertEquals("written\n", Files.readString(store.inspect(volume).mountpoint().resolve("new.txt")));
        } finally {
            mounts.unmount(containerId, resolved);
        }
    }

    private void writeConfig(List<OciMount> oci, String script) throws Exception {
        assertEquals(0, run(List.of("runc", "spec", "--bundle", bundle.toString())));
        Path configFile = bundle.resolve("config.json");
        ObjectNode config = (ObjectNode) JSON.readTree(configFile.toFile());
        ObjectNode process = (ObjectNode) config.get("process");
        process.put("terminal", false);
        ArrayNode args = process.putArray("args");
        args.add("/bin/busybox").add("sh").add("-ec").add(script);
        ((ObjectNode) config.get("root")).put("readonly", false);
        ((ObjectNode) config.get("linux")).put("cgroupsPath", "/" + containerId);
        ArrayNode mountArray = (ArrayNode) config.get("mounts");
        for (OciMount m : oci) {
            ObjectNode n = mountArray.addObject();
            n.put("destination", m.destination()).put("type", m.type()).put("source", m.source());
            ArrayNode opts = n.putArray("options");
            m.options().forEach(opts::add);
        }
        JSON.writeValue(configFile.toFile(), config);
        // busybox needs its applets reachable as /bin/sh etc. only through "busybox sh": nothing more to install
    }

    private static int run(List<String> command) throws Exception {
        return run(command, null);
    }

    private static int run(List<String> command, Path output) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (output != null) {
            pb.redirectOutput(output.toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return p.exitValue();
    }
}
