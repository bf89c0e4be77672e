package io.berth.volumes.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Copies a directory tree, keeping what an image's files carry: content, directories, symlinks (copied as links,
 * never followed), hard links (linked again inside the copy), FIFOs and device nodes, owners, modes (set-id and
 * sticky bits too), extended attributes, access and modification times. The destination's root takes the
 * source root's metadata. Sockets are skipped. xattrs the destination cannot hold (ENOTSUP) are skipped, as
 * Docker does.
 */
public final class CopyUp {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;

    private final Native nativ;
    private final Map<Object, Path> linked = new HashMap<>();

    public CopyUp(Native nativ) {
        this.nativ = nativ;
    }

    /** Copies the content of {@code source} into the existing directory {@code destination}. */
    public void copyTree(Path source, Path destination) throws IOException {
        Map<String, Object> rootAttrs = attrs(source);
        copyChildren(source, destination);
        applyMetadata(source, destination, rootAttrs);
    }

    private void copyChildren(Path sourceDir, Path destDir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sourceDir)) {
            for (Path src : entries) {
                copyEntry(src, destDir.resolve(src.getFileName().toString()));
            }
        }
    }

    private void copyEntry(Path src, Path dst) throws IOException {
        Map<String, Object> a = attrs(src);
        int mode = (Integer) a.get("mode");
        switch (mode & S_IFMT) {
            case S_IFDIR -> {
                Files.createDirectory(dst);
                copyChildren(src, dst);
            }
            case S_IFREG -> {
                if (linkAgain(a, dst)) {
                    return;
                }
                Files.copy(src, dst, LinkOption.NOFOLLOW_LINKS);
            }
            case S_IFLNK -> Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
            case S_IFSOCK -> {
                return;
            }
            default -> nativ.mknod(dst.toString(), mode, ((Number) a.get("rdev")).longValue());
        }
        applyMetadata(src, dst, a);
    }

    /** A second name of a file already copied becomes a hard link to the copy. */
    private boolean linkAgain(Map<String, Object> a, Path dst) throws IOException {
        if (((Number) a.get("nlink")).intValue() < 2) {
            return false;
        }
        Object key = a.get("dev") + ":" + a.get("ino");
        Path first = linked.get(key);
        if (first != null) {
            Files.createLink(dst, first);
            return true;
        }
        linked.put(key, dst);
        return false;
    }

    private void applyMetadata(Path src, Path dst, Map<String, Object> a) throws IOException {
        String d = dst.toString();
        int mode = (Integer) a.get("mode");
        boolean symlink = (mode & S_IFMT) == S_IFLNK;
        nativ.lchown(d, (Integer) a.get("uid"), (Integer) a.get("gid"));
        if (!symlink) {
            nativ.chmod(d, mode & 07777); // after chown, which clears set-id bits
        }
        copyXattrs(src.toString(), d, symlink);
        FileTime atime = (FileTime) a.get("lastAccessTime");
        FileTime mtime = (FileTime) a.get("lastModifiedTime");
        long an = atime.to(TimeUnit.NANOSECONDS);
        long mn = mtime.to(TimeUnit.NANOSECONDS);
        nativ.setTimes(d, Math.floorDiv(an, 1_000_000_000L), Math.floorMod(an, 1_000_000_000L),
                Math.floorDiv(mn, 1_000_000_000L), Math.floorMod(mn, 1_000_000_000L));
    }

    private void copyXattrs(String src, String dst, boolean symlink) throws IOException {
        List<String> names = nativ.listXattrs(src);
        for (String name : names) {
            byte[] value = nativ.getXattr(src, name);
            if (value == null) {
                continue;
            }
            try {
                nativ.setXattr(dst, name, value);
            } catch (Native.NativeException e) {
                boolean unsupported = e.errno() == Native.ENOTSUP || (symlink && e.errno() == Native.EPERM);
                if (!unsupported) {
                    throw e;
                }
            }
        }
    }

    private static Map<String, Object> attrs(Path p) throws IOException {
        return Files.readAttributes(p, "unix:mode,uid,gid,rdev,nlink,dev,ino,lastAccessTime,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
    }
}
