package io.berth.scheduler.internal.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;

/**
 * Docker's {@code container.PathStat}, sent base64-encoded in {@code X-Docker-Container-Path-Stat}: the name,
 * size, Go {@code os.FileMode} bits (type bits above the permissions: directory 1<<31, symlink 1<<27…), mtime
 * (RFC 3339) and, for a symbolic link, the container path it resolves to.
 */
public record PathStat(String name, long size, long mode, String mtime, String linkTarget) {
    static final long MODE_DIR = 1L << 31;
    static final long MODE_SYMLINK = 1L << 27;
    static final long MODE_DEVICE = 1L << 26;
    static final long MODE_PIPE = 1L << 25;
    static final long MODE_SOCKET = 1L << 24;
    static final long MODE_SETUID = 1L << 23;
    static final long MODE_SETGID = 1L << 22;
    static final long MODE_CHAR = 1L << 21;
    static final long MODE_STICKY = 1L << 20;

    /** lstat of {@code file} (which exists), named {@code name}; {@code linkTarget} "" unless it is a link. */
    public static PathStat of(Path file, String name, String linkTarget) throws IOException {
        int unixMode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        long size = (Long) Files.getAttribute(file, "unix:size", LinkOption.NOFOLLOW_LINKS);
        FileTime mtime = (FileTime) Files.getAttribute(file, "unix:lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        return new PathStat(name, size, goMode(unixMode), mtime.toInstant().toString(),
                (unixMode & 0170000) == 0120000 ? linkTarget : "");
    }

    /** Go's {@code os.FileMode} of a Unix {@code st_mode}. */
    static long goMode(int unixMode) {
        long mode = unixMode & 0777;
        mode |= switch (unixMode & 0170000) {
            case 0040000 -> MODE_DIR;
            case 0120000 -> MODE_SYMLINK;
            case 0060000 -> MODE_DEVICE;
            case 0020000 -> MODE_DEVICE | MODE_CHAR;
            case 0010000 -> MODE_PIPE;
            case 0140000 -> MODE_SOCKET;
            default -> 0L;
        };
        if ((unixMode & 04000) != 0) {
            mode |= MODE_SETUID;
        }
        if ((unixMode & 02000) != 0) {
            mode |= MODE_SETGID;
        }
        if ((unixMode & 01000) != 0) {
            mode |= MODE_STICKY;
        }
        return mode;
    }

    public boolean isDirectory() {
        return (mode & MODE_DIR) != 0;
    }

    /** The header value: base64 of {@code {"name","size","mode","mtime","linkTarget"}}. */
    public String header() {
        String json = "{\"name\":" + quote(name) + ",\"size\":" + size + ",\"mode\":" + mode + ",\"mtime\":"
                + quote(mtime) + ",\"linkTarget\":" + quote(linkTarget) + "}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return io.vertx.core.json.Json.encode(s);
    }
}
