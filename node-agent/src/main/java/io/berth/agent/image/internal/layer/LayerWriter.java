package io.berth.agent.image.internal.layer;

import io.berth.agent.image.internal.fs.NativeFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a directory tree as a tar stream, deterministically: entries sorted by name (byte order, parents
 * first), numeric owners only (no user or group names), mtimes in whole seconds (or one fixed time), no
 * access/change times, PAX headers only where needed (long names, xattrs) with fixed names. The same tree
 * therefore always gives the same bytes. In {@link Mode#DIFF} the tree is an overlayfs upper directory:
 * whiteouts (character devices 0:0) become {@code .wh.NAME} entries and opaque directories get a
 * {@code .wh..wh..opq} entry; overlay's own xattrs are never written. Used by commit, export and the builder.
 */
public final class LayerWriter {
    /** How to read the tree. */
    public enum Mode { PLAIN, DIFF }

    private static final String OVERLAY_XATTRS = "trusted.overlay.";
    private final NativeFs fs;
    private final Mode mode;
    private final Optional<Instant> fixedTime;
    private final byte[] buffer = new byte[256 * 1024];
    private final Map<String, String> inodes = new HashMap<>();

    public LayerWriter(NativeFs fs, Mode mode, Optional<Instant> fixedTime) {
        this.fs = fs;
        this.mode = mode;
        this.fixedTime = fixedTime;
    }

    /** Writes the tar of everything below {@code root} (not the root itself) and finishes it; {@code out} stays open. */
    public void write(Path root, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out), 10240,
                StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        inodes.clear();
        walk(root, "", tar);
        tar.finish();
        tar.close();
    }

    private void walk(Path dir, String prefix, TarArchiveOutputStream tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(LayerWriter::compareBytes);
        for (String name : names) {
            Path path = dir.resolve(name);
            String rel = prefix + name;
            Map<String, Object> st = Files.readAttributes(path, "unix:mode,uid,gid,size,rdev,ino,dev,nlink,lastModifiedTime",
                    LinkOption.NOFOLLOW_LINKS);
            int fileMode = (Integer) st.get("mode");
            int type = fileMode & 0170000;
            if (mode == Mode.DIFF && type == NativeFs.S_IFCHR && (Long) st.get("rdev") == 0L) {
                TarArchiveEntry wh = entry(prefix + ".wh." + name, TarConstants.LF_NORMAL, fileMode & 0777, st);
                tar.putArchiveEntry(wh);
                tar.closeArchiveEntry();
                continue;
            }
            if (type == 0140000) {
                continue; // sockets do not go into layers
            }
            writeEntry(path, rel, fileMode, type, st, tar);
            if (type == 0040000) {
                if (mode == Mode.DIFF && isOpaque(path)) {
                    TarArchiveEntry opq = entry(rel + "/.wh..wh..opq", TarConstants.LF_NORMAL, 0, st);
                    tar.putArchiveEntry(opq);
                    tar.closeArchiveEntry();
                }
                walk(path, rel + "/", tar);
            }
        }
    }

    private void writeEntry(Path path, String rel, int fileMode, int type, Map<String, Object> st,
                            TarArchiveOutputStream tar) throws IOException {
        TarArchiveEntry e;
        boolean content = false;
        switch (type) {
            case 0040000 -> e = entry(rel + "/", TarConstants.LF_DIR, fileMode, st);
            case 0120000 -> {
                e = entry(rel, TarConstants.LF_SYMLINK, fileMode, st);
                e.setLinkName(Files.readSymbolicLink(path).toString());
            }
            case 0100000 -> {
                String key = st.get("dev") + ":" + st.get("ino");
                String first = (Integer) st.get("nlink") > 1 ? inodes.putIfAbsent(key, rel) : null;
                if (first != null) {
                    e = entry(rel, TarConstants.LF_LINK, fileMode, st);
                    e.setLinkName(first);
                } else {
                    e = entry(rel, TarConstants.LF_NORMAL, fileMode, st);
                    e.setSize((Long) st.get("size"));
                    content = true;
                }
            }
            case NativeFs.S_IFCHR, NativeFs.S_IFBLK, NativeFs.S_IFIFO -> {
                byte flag = type == NativeFs.S_IFCHR ? TarConstants.LF_CHR
                        : type == NativeFs.S_IFBLK ? TarConstants.LF_BLK : TarConstants.LF_FIFO;
                e = entry(rel, flag, fileMode, st);
                long rdev = (Long) st.get("rdev");
                e.setDevMajor((int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)));
                e.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL)));
            }
            default -> throw new IOException("cannot archive " + path + ": unknown file type " + Integer.toOctalString(type));
        }
        for (String x : fs.llistxattr(path)) {
            if (!x.startsWith(OVERLAY_XATTRS)) {
                fs.lgetxattr(path, x).ifPresent(v -> e.addPaxHeader("SCHILY.xattr." + x,
                        new String(v, StandardCharsets.UTF_8)));
            }
        }
        tar.putArchiveEntry(e);
        if (content) {
            long left = e.getSize();
            try (InputStream in = Files.newInputStream(path)) {
                for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                    tar.write(buffer, 0, n);
                    left -= n;
                }
            }
            if (left != 0) {
                throw new IOException(path + " changed size while it was archived");
            }
        }
        tar.closeArchiveEntry();
    }

    private boolean isOpaque(Path dir) throws IOException {
        return fs.lgetxattr(dir, "trusted.overlay.opaque").map(v -> v.length == 1 && v[0] == 'y').orElse(false);
    }

    private TarArchiveEntry entry(String name, byte type, int fileMode, Map<String, Object> st) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setMode(fileMode & 07777);
        e.setIds((Integer) st.get("uid"), (Integer) st.get("gid"));
        e.setUserName("");
        e.setGroupName("");
        long seconds = fixedTime.map(Instant::getEpochSecond)
                .orElseGet(() -> ((java.nio.file.attribute.FileTime) st.get("lastModifiedTime")).toInstant().getEpochSecond());
        e.setModTime(seconds * 1000);
        return e;
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps the caller's stream open when the tar stream closes. */
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
            out.flush();
        }
    }
}
