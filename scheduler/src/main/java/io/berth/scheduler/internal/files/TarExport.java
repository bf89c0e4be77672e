package io.berth.scheduler.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a file or directory tree as a tar stream (what {@code GET /containers/{id}/archive} sends), entries
 * named under {@code base} as Docker rebases them ({@code hello}, {@code dir/a}). Nothing is followed: links are
 * stored as links, hard links once as a file and then as links to it; owners, modes (with set-id bits) and
 * mtimes kept. Directories in {@code skip} (the kernel's proc, sys and cgroup mounts of a running container) are
 * stored empty. Streams: nothing is held in memory beyond one copy buffer.
 */
public final class TarExport {
    private TarExport() {
    }

    /** Writes {@code source} (lstat'ed: a link is written as a link) and returns the bytes of file content. */
    public static long write(Path source, String base, Set<Path> skip, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out), "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        Writer writer = new Writer(tar, source, base, skip);
        Files.walkFileTree(source, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE, writer);
        tar.finish();
        tar.flush();
        return writer.bytes;
    }

    private static final class Writer implements FileVisitor<Path> {
        private final TarArchiveOutputStream tar;
        private final Path source;
        private final String base;
        private final Set<Path> skip;
        private final Map<String, String> hardLinks = new HashMap<>();
        private long bytes;

        Writer(TarArchiveOutputStream tar, Path source, String base, Set<Path> skip) {
            this.tar = tar;
            this.source = source;
            this.base = base;
            this.skip = skip;
        }

        private String name(Path file) {
            String rel = source.relativize(file).toString();
            return rel.isEmpty() ? base : base.equals(".") ? "./" + rel : base + "/" + rel;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            add(dir, name(dir) + "/");
            return skip.contains(dir) && !dir.equals(source) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            add(file, name(file));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
                throw e;
            }
            return FileVisitResult.CONTINUE;
        }

        private void add(Path file, String name) throws IOException {
            Map<String, Object> a = Files.readAttributes(file, "unix:mode,uid,gid,nlink,ino,dev,rdev,size,"
                    + "lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int type = mode & 0170000;
            if (type == 0140000) {
                return; // sockets are not archived (as Docker)
            }
            TarArchiveEntry entry;
            if (type == 0100000 && (Integer) a.get("nlink") > 1) {
                String key = a.get("dev") + ":" + a.get("ino");
                String first = hardLinks.putIfAbsent(key, name);
                entry = first == null ? new TarArchiveEntry(name) : new TarArchiveEntry(name, TarConstants.LF_LINK);
                if (first != null) {
                    entry.setLinkName(first);
                }
            } else {
                entry = entry(file, name, type, (Long) a.get("rdev"));
            }
            entry.setMode(mode & 07777);
            entry.setUserId(((Number) a.get("uid")).longValue());
            entry.setGroupId(((Number) a.get("gid")).longValue());
            entry.setModTime(((FileTime) a.get("lastModifiedTime")).toMillis());
            boolean content = type == 0100000 && !entry.isLink();
            if (content) {
                entry.setSize((Long) a.get("size"));
            }
            tar.putArchiveEntry(entry);
            if (content) {
                try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                    bytes += copy(in, tar, entry.getSize());
                }
            }
            tar.closeArchiveEntry();
        }

        private static TarArchiveEntry entry(Path file, String name, int type, long rdev) throws IOException {
            TarArchiveEntry entry;
            switch (type) {
                case 0120000 -> {
                    entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(file).toString());
                }
                case 0010000 -> entry = new TarArchiveEntry(name, TarConstants.LF_FIFO);
                case 0020000, 0060000 -> {
                    entry = new TarArchiveEntry(name, type == 0020000 ? TarConstants.LF_CHR : TarConstants.LF_BLK);
                    entry.setDevMajor((int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)));
                    entry.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL)));
                }
                default -> entry = new TarArchiveEntry(name);
            }
            return entry;
        }

        /** Copies exactly {@code size} bytes (a file that shrank meanwhile is padded with zeros, as tar does). */
        private static long copy(InputStream in, OutputStream out, long size) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    java.util.Arrays.fill(buffer, (byte) 0);
                    n = (int) Math.min(buffer.length, left);
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            return size;
        }
    }

    /** The tar stream's close must not close the HTTP response. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
