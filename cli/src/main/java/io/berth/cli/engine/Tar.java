package io.berth.cli.engine;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The little tar {@code cp} needs: write a file or directory tree (ustar, PAX records for long names), and
 * extract one below a directory without ever writing outside it (absolute names and {@code ..} refused, symbolic
 * links not followed when writing).
 */
final class Tar {
    private static final int BLOCK = 512;

    private Tar() {
    }

    /** Writes {@code source} (file, link or directory, recursively) as {@code name}; returns the bytes of content. */
    static long write(Path source, String name, boolean followLink, OutputStream out) throws IOException {
        long[] total = {0};
        LinkOption[] opts = followLink ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        entry(source, name, out, total, opts);
        if (Files.isDirectory(source, opts)) {
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : (Iterable<Path>) walk.skip(1)::iterator) {
                    entry(p, name + "/" + source.relativize(p).toString(), out, total,
                            new LinkOption[] {LinkOption.NOFOLLOW_LINKS});
                }
            }
        }
        out.write(new byte[BLOCK * 2]);
        out.flush();
        return total[0];
    }

    private static void entry(Path p, String name, OutputStream out, long[] total, LinkOption[] opts)
            throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,lastModifiedTime", opts);
        boolean link = Files.isSymbolicLink(p) && opts.length > 0;
        boolean dir = !link && Files.isDirectory(p, opts);
        char type = link ? '2' : dir ? '5' : '0';
        long size = type == '0' ? ((Number) a.get("size")).longValue() : 0;
        String linkName = link ? Files.readSymbolicLink(p).toString() : "";
        String entryName = dir ? name + "/" : name;
        if (entryName.getBytes(StandardCharsets.UTF_8).length > 100
                || linkName.getBytes(StandardCharsets.UTF_8).length > 100) {
            pax(out, entryName, linkName);
        }
        header(out, entryName, ((Number) a.get("mode")).intValue() & 07777, ((Number) a.get("uid")).intValue(),
                ((Number) a.get("gid")).intValue(), size, ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000,
                type, linkName);
        if (type == '0') {
            try (InputStream in = Files.newInputStream(p)) {
                long copied = in.transferTo(out);
                pad(out, copied);
                total[0] += copied;
            }
        }
    }

    private static void pax(OutputStream out, String name, String linkName) throws IOException {
        StringBuilder records = new StringBuilder();
        records.append(record("path", name));
        if (!linkName.isEmpty()) {
            records.append(record("linkpath", linkName));
        }
        byte[] data = records.toString().getBytes(StandardCharsets.UTF_8);
        header(out, "PaxHeaders/" + cut(name), 0644, 0, 0, data.length, 0, 'x', "");
        out.write(data);
        pad(out, data.length);
    }

    private static String record(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int len = body.getBytes(StandardCharsets.UTF_8).length;
        int digits = Integer.toString(len).length();
        int total = len + digits;
        if (Integer.toString(total).length() > digits) {
            total++;
        }
        return total + body;
    }

    private static String cut(String s) {
        return s.length() > 80 ? s.substring(s.length() - 80) : s;
    }

    private static void header(OutputStream out, String name, int mode, int uid, int gid, long size, long mtime,
                               char type, String linkName) throws IOException {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, cut100(name));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, uid);
        octal(h, 116, 8, gid);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = (byte) type;
        put(h, 157, 100, cut100(linkName));
        put(h, 257, 6, "ustar\0");
        put(h, 263, 2, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        out.write(h);
    }

    private static String cut100(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= 100 ? s : new String(b, b.length - 100, 100, StandardCharsets.UTF_8);
    }

    private static void put(byte[] h, int off, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(len, b.length));
    }

    private static void octal(byte[] h, int off, int len, long v) {
        String s = Long.toOctalString(v);
        s = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
        put(h, off, len - 1, s);
    }

    private static void pad(OutputStream out, long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    /**
     * Extracts {@code in} below {@code target}, renaming each entry's name with {@code rename} first; returns the
     * bytes of content written.
     */
    static long extract(InputStream in, Path target, UnaryOperator<String> rename, boolean keepOwner)
            throws IOException {
        Path root = target.toAbsolutePath().normalize();
        long total = 0;
        String longName = null;
        String longLink = null;
        byte[] h = new byte[BLOCK];
        while (readBlock(in, h)) {
            if (isZero(h)) {
                break;
            }
            char type = (char) h[156];
            long size = parseOctal(h, 124, 12);
            if (type == 'x' || type == 'L' || type == 'K' || type == 'g') {
                String data = new String(readAll(in, size), StandardCharsets.UTF_8);
                skipPad(in, size);
                if (type == 'L') {
                    longName = data.replace("\0", "");
                } else if (type == 'K') {
                    longLink = data.replace("\0", "");
                } else if (type == 'x') {
                    for (String rec : data.split("\n")) {
                        int sp = rec.indexOf(' ');
                        int eq = rec.indexOf('=');
                        if (sp > 0 && eq > sp) {
                            String key = rec.substring(sp + 1, eq);
                            if (key.equals("path")) {
                                longName = rec.substring(eq + 1);
                            } else if (key.equals("linkpath")) {
                                longLink = rec.substring(eq + 1);
                            }
                        }
                    }
                }
                continue;
            }
            String name = longName != null ? longName : ustarName(h);
            String link = longLink != null ? longLink : text(h, 157, 100);
            longName = null;
            longLink = null;
            Path dest = safe(root, rename.apply(stripSlash(name)));
            int mode = (int) parseOctal(h, 100, 8);
            switch (type) {
                case '5' -> Files.createDirectories(dest);
                case '2' -> {
                    Files.createDirectories(dest.getParent());
                    Files.deleteIfExists(dest);
                    Files.createSymbolicLink(dest, Path.of(link));
                }
                case '1' -> {
                    Files.createDirectories(dest.getParent());
                    Files.deleteIfExists(dest);
                    Files.createLink(dest, safe(root, rename.apply(stripSlash(link))));
                }
                case '0', '\0', '7' -> {
                    Files.createDirectories(dest.getParent());
                    try (OutputStream o = Files.newOutputStream(dest)) {
                        copy(in, o, size);
                    }
                    total += size;
                    skipPad(in, size);
                }
                default -> {
                    skip(in, size);
                    skipPad(in, size);
                    continue;
                }
            }
            if (type != '2') {
                Files.setPosixFilePermissions(dest, permissions(mode));
                Files.setLastModifiedTime(dest, FileTime.fromMillis(parseOctal(h, 136, 12) * 1000));
                if (keepOwner) {
                    Files.setAttribute(dest, "unix:uid", (int) parseOctal(h, 108, 8), LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(dest, "unix:gid", (int) parseOctal(h, 116, 8), LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        return total;
    }

    private static Path safe(Path root, String name) {
        Path p = root.resolve(name).normalize();
        if (name.startsWith("/") || !p.startsWith(root)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, name, "refusing to extract '" + name
                    + "': it would land outside " + root);
        }
        return p;
    }

    private static String stripSlash(String s) {
        String n = s;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static String ustarName(byte[] h) {
        String name = text(h, 0, 100);
        String prefix = text(h, 345, 155);
        return text(h, 257, 5).equals("ustar") && !prefix.isEmpty() ? prefix + "/" + name : name;
    }

    private static String text(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long parseOctal(byte[] h, int off, int len) {
        if ((h[off] & 0x80) != 0) {
            long v = 0;
            for (int i = off + 1; i < off + len; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        String s = text(h, off, len).strip();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(all[i]);
            }
        }
        return set;
    }

    private static boolean readBlock(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException("the tar stream ended inside a header");
        }
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readAll(InputStream in, long size) throws IOException {
        byte[] b = in.readNBytes((int) size);
        if (b.length < size) {
            throw new EOFException("the tar stream ended inside an entry");
        }
        return b;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("the tar stream ended inside an entry");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long size) throws IOException {
        copy(in, OutputStream.nullOutputStream(), size);
    }

    private static void skipPad(InputStream in, long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            skip(in, BLOCK - rest);
        }
    }

}
