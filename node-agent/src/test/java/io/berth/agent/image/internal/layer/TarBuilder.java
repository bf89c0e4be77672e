package io.berth.agent.image.internal.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small tar archives for tests, with entries of every kind (hostile ones included). */
public final class TarBuilder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    public TarBuilder() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    public TarBuilder dir(String name, int mode) throws IOException {
        return add(entry(name, TarConstants.LF_DIR, mode), null);
    }

    public TarBuilder file(String name, String content) throws IOException {
        return file(name, content, 0644, 0, 0, Map.of());
    }

    public TarBuilder file(String name, String content, int mode, int uid, int gid, Map<String, String> xattrs)
            throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, mode);
        e.setIds(uid, gid);
        xattrs.forEach((k, v) -> e.addPaxHeader("SCHILY.xattr." + k, v));
        return add(e, content.getBytes(StandardCharsets.UTF_8));
    }

    public TarBuilder symlink(String name, String target) throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, 0777);
        e.setLinkName(target);
        return add(e, null);
    }

    public TarBuilder hardlink(String name, String target) throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_LINK, 0644);
        e.setLinkName(target);
        return add(e, null);
    }

    public TarBuilder device(String name, byte type, int major, int minor) throws IOException {
        TarArchiveEntry e = entry(name, type, 0600);
        e.setDevMajor(major);
        e.setDevMinor(minor);
        return add(e, null);
    }

    public byte[] build() throws IOException {
        tar.finish();
        tar.close();
        return bytes.toByteArray();
    }

    private static TarArchiveEntry entry(String name, byte type, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setMode(mode);
        e.setLastModifiedTime(FileTime.from(Instant.parse("2024-02-03T04:05:06Z")));
        return e;
    }

    private TarBuilder add(TarArchiveEntry e, byte[] content) throws IOException {
        if (content != null) {
            e.setSize(content.length);
        }
        tar.putArchiveEntry(e);
        if (content != null) {
            tar.write(content);
        }
        tar.closeArchiveEntry();
        return this;
    }
}
