package io.berth.volumes;

import io.berth.volumes.internal.MountInfo;
import io.berth.volumes.internal.Native;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A scratch directory with a unique {@code bt<hex>} name for one integration test, and its cleanup: every mount
 * under it is detached (deepest first), then the tree is deleted. Used in @AfterEach, so it runs when the test
 * failed too.
 */
final class KernelFixture implements AutoCloseable {
    final String prefix = "bt" + HexFormat.of().formatHex(new byte[] {(byte) new Random().nextInt(),
        (byte) new Random().nextInt(), (byte) new Random().nextInt()});
    final Path base;
    private final Native nativ = Native.load();

    KernelFixture() throws IOException {
        base = Files.createTempDirectory(prefix).toRealPath();
    }

    /** Mount points under the scratch directory now. */
    List<String> mountsUnder() throws IOException {
        return MountInfo.mountPoints(Files.readString(Path.of("/proc/self/mountinfo"))).stream()
                .filter(m -> m.startsWith(base + "/")).toList();
    }

    /** The file-system type mounted at {@code path}, or null when nothing is mounted there. */
    String fsType(Path path) throws IOException {
        String found = null;
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            if (f.length > 4 && f[4].equals(path.toString())) {
                int dash = line.indexOf(" - ");
                found = line.substring(dash + 3).split(" ")[0];
            }
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        for (String m : mountsUnder().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            nativ.unmount(m, Native.MNT_DETACH);
        }
        if (!mountsUnder().isEmpty()) {
            throw new IllegalStateException("mounts left under " + base + ": " + mountsUnder());
        }
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
