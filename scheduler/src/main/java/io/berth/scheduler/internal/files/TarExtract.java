package io.berth.scheduler.internal.files;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a tar stream into a directory of a container's root ({@code PUT /containers/{id}/archive}) without
 * ever writing outside the root: entry names are cleaned and refused when {@code ..} would leave the destination;
 * parent directories are resolved inside the root ({@link RootPath}: a symlinked parent stays in the container),
 * missing ones are made; an existing file is replaced, never followed; hard links must point at a file extracted
 * into the root. {@code noOverwriteDirNonDir} refuses to replace a directory with a non-directory and the reverse.
 */
public final class TarExtract {
    /** How to extract: owner override ({@code uid < 0}: the tar's owners) and Docker's overwrite rule. */
    public record Options(boolean noOverwriteDirNonDir, int uid, int gid) {
    }

    private final Path root;
    private final String destination;
    private final Options options;
    private final Mknod mknod;
    private final List<Map.Entry<Path, FileTime>> directoryTimes = new ArrayList<>();

    public TarExtract(Path root, String destination, Options options, Mknod mknod) {
        this.root = root;
        this.destination = destination;
        this.options = options;
        this.mknod = mknod;
    }

    /** Extracts every entry; returns how many were written. */
    public int extract(InputStream in) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8");
        int count = 0;
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            List<String> name = clean(e.getName());
            if (name.isEmpty()) {
                continue;
            }
            write(e, name, tar);
            count++;
        }
        for (int i = directoryTimes.size() - 1; i >= 0; i--) {
            Map.Entry<Path, FileTime> d = directoryTimes.get(i);
            setTime(d.getKey(), d.getValue());
        }
        return count;
    }

    /** The entry's components below the destination; INVALID_ARGUMENT when it leaves it. */
    List<String> clean(String entryName) {
        List<String> out = new ArrayList<>();
        for (String c : RootPath.components(entryName)) {
            if (c.equals("..")) {
                if (out.isEmpty()) {
                    throw new BerthException(ErrorCategory.INVALID_ARGUMENT, entryName, "invalid tar entry \""
                            + entryName + "\": it would be written outside " + destination);
                }
                out.remove(out.size() - 1);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private void write(TarArchiveEntry e, List<String> name, InputStream content) throws IOException {
        Path parent = parentDirectory(name);
        Path target = parent.resolve(name.get(name.size() - 1));
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        boolean isDir = exists && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        if (exists && options.noOverwriteDirNonDir() && isDir != e.isDirectory()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, e.getName(), isDir
                    ? "cannot overwrite directory \"" + target(name) + "\" with non-directory \"" + e.getName() + "\""
                    : "cannot overwrite non-directory \"" + target(name) + "\" with directory \"" + e.getName() + "\"");
        }
        if (exists && !(isDir && e.isDirectory())) {
            delete(target);
        }
        if (e.isDirectory()) {
            if (!isDir) {
                Files.createDirectory(target);
            }
        } else if (e.isSymbolicLink()) {
            Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else if (e.isLink()) {
            Path source = RootPath.resolve(root, destination + "/" + String.join("/", clean(e.getLinkName())), false)
                    .host();
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, e.getName(), "invalid hard link \""
                        + e.getName() + "\" to \"" + e.getLinkName() + "\": no such file in the archive");
            }
            Files.createLink(target, source);
            return;
        } else if (e.isFIFO() || e.isCharacterDevice() || e.isBlockDevice()) {
            int type = e.isFIFO() ? 0010000 : e.isCharacterDevice() ? 0020000 : 0060000;
            long dev = ((long) (e.getDevMajor() & 0xfff) << 8) | (e.getDevMinor() & 0xff)
                    | ((long) (e.getDevMinor() & ~0xff) << 12);
            mknod.make(target.toString(), type | (e.getMode() & 07777), dev);
        } else {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                content.transferTo(out);
            }
        }
        attributes(e, target);
    }

    private String target(List<String> name) {
        return (destination.endsWith("/") ? destination : destination + "/") + String.join("/", name);
    }

    /** The entry's parent directory on the host, resolved inside the root; made (0755) when missing. */
    private Path parentDirectory(List<String> name) throws IOException {
        RootPath dest = RootPath.resolve(root, destination, true);
        Path dir = dest.host();
        String container = dest.container();
        for (int i = 0; i < name.size() - 1; i++) {
            RootPath next = RootPath.resolve(root, container + "/" + name.get(i), true);
            if (!next.exists()) {
                Files.createDirectories(next.host());
                chown(next.host());
            } else if (!Files.isDirectory(next.host(), LinkOption.NOFOLLOW_LINKS)) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, String.join("/", name),
                        "cannot extract \"" + String.join("/", name) + "\": " + next.container() + " is not a directory");
            }
            dir = next.host();
            container = next.container();
        }
        return dir;
    }

    private void attributes(TarArchiveEntry e, Path target) throws IOException {
        int uid = options.uid() >= 0 ? options.uid() : (int) e.getLongUserId();
        int gid = options.uid() >= 0 ? options.gid() : (int) e.getLongGroupId();
        Files.setAttribute(target, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(target, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        if (!e.isSymbolicLink()) {
            Files.setAttribute(target, "unix:mode", e.getMode() & 07777, LinkOption.NOFOLLOW_LINKS);
        }
        FileTime mtime = e.getLastModifiedTime();
        if (e.isDirectory()) {
            directoryTimes.add(Map.entry(target, mtime));
        } else {
            setTime(target, mtime);
        }
    }

    private void chown(Path dir) throws IOException {
        if (options.uid() >= 0) {
            Files.setAttribute(dir, "unix:uid", options.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(dir, "unix:gid", options.gid(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static void setTime(Path file, FileTime time) throws IOException {
        Files.getFileAttributeView(file, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(time, null, null);
    }

    /** Deletes a file or a whole tree, never following a link. */
    private static void delete(Path target) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(target);
            return;
        }
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
