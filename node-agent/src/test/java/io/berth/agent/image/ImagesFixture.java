package io.berth.agent.image;

import io.berth.agent.image.internal.layer.TreeDelete;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test harness for the image ITs: unique data roots under /tmp (short: they end up in mount options), running
 * tools, and a cleanup that unmounts everything below a data root even when a test failed half-way.
 */
final class ImagesFixture {
    private ImagesFixture() {
    }

    static Path newDataRoot() throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "bt");
    }

    /** Unmounts (lazily) whatever is mounted below the data root, then deletes it. */
    static void destroy(Path dataRoot) throws IOException, InterruptedException {
        if (dataRoot == null) {
            return;
        }
        List<String> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String mountPoint = line.split(" ")[4];
            if (mountPoint.startsWith(dataRoot + "/")) {
                mounts.add(mountPoint);
            }
        }
        for (String m : mounts.reversed()) {
            run(List.of("umount", "-l", m));
        }
        TreeDelete.delete(dataRoot);
    }

    /** Runs a command, fails with its output when it exits non-zero; returns stdout. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(command + " exited " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    /** The busybox image script of samples/base-images, run into {@code out}. */
    static Path makeBusybox(Path out) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir")).resolveSibling("samples/base-images/make-busybox.sh");
        run(List.of("bash", script.toString(), out.toString()));
        return out;
    }
}
