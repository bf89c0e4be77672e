package io.berth.volumes.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Docker's volume population: when a volume is first mounted over a directory of the image, and the volume is
 * empty and was never populated, the directory's content is copied into it. The image path is resolved inside the
 * root file system ({@link SecureJoin}), so a symlink in the image cannot point the copy at the host.
 */
final class VolumeCopyUp {
    private final Native nativ;

    VolumeCopyUp(Native nativ) {
        this.nativ = nativ;
    }

    boolean copyUp(VolumeEntry entry, Path rootfs, String containerPath) throws IOException {
        if (!entry.volume().needsMount() && entry.populated()) {
            return false;
        }
        Path source = SecureJoin.resolve(rootfs, containerPath);
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return false; // nothing in the image there, or not a directory: Docker copies nothing either
        }
        boolean copied = entry.withDataMounted(data -> {
            if (!isEmpty(data)) {
                return false;
            }
            new CopyUp(nativ).copyTree(source, data);
            return true;
        });
        if (copied && !entry.volume().needsMount()) {
            entry.markPopulated(); // a mounted file system (tmpfs...) may lose it: that one is checked by emptiness
        }
        return copied;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }
}
