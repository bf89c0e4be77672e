package io.berth.volumes.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The on-disk layout: {@code <root>/<name>/volume.json} and {@code <root>/<name>/_data}. A volume exists once its
 * metadata file does (written last on create); removal first renames the volume's directory to
 * {@code .removing-*} (one atomic step, after which the volume is gone), then deletes it. Leftovers of either
 * step interrupted by a crash are cleaned at the next open.
 */
final class VolumeDirectories {
    private static final String REMOVING = ".removing-";

    private final Path root;
    private final MetadataFiles files;

    VolumeDirectories(Path root, MetadataFiles files) {
        this.root = root;
        this.files = files;
    }

    /** Creates the root if needed, cleans interrupted creates and removes, and reads every volume's record. */
    List<VolumeRecord> prepareAndScan() throws IOException {
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx-----x"));
        List<VolumeRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path dir : children) {
                String name = dir.getFileName().toString();
                if (name.startsWith(REMOVING)) {
                    deleteTree(dir);
                    continue;
                }
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path meta = dir.resolve(MetadataFiles.FILE_NAME);
                Files.deleteIfExists(meta.resolveSibling(MetadataFiles.FILE_NAME + MetadataFiles.TEMP_SUFFIX));
                if (Files.exists(meta)) {
                    records.add(files.read(meta));
                } else if (Files.isDirectory(dir.resolve("_data"), LinkOption.NOFOLLOW_LINKS)) {
                    records.add(adopt(dir, name)); // a volume directory made by another tool: keep its data
                } else {
                    deleteTree(dir); // a create interrupted before its metadata was written
                }
            }
        }
        return records;
    }

    private VolumeRecord adopt(Path dir, String name) throws IOException {
        VolumeNames.validate(name);
        FileTime created = Files.getLastModifiedTime(dir);
        VolumeRecord r = new VolumeRecord(VolumeRecord.VERSION, name, "local", created.toInstant().toString(),
                Map.of(), Map.of(), false, List.of());
        files.write(dir.resolve(MetadataFiles.FILE_NAME), r);
        return r;
    }

    /** Makes {@code <root>/<name>} (0701), its {@code _data} (0755), then the metadata file. */
    void create(String name, VolumeRecord record) throws IOException {
        Path dir = root.resolve(name);
        try {
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx-----x"));
            Path data = Files.createDirectory(dir.resolve("_data"));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            files.write(dir.resolve(MetadataFiles.FILE_NAME), record);
        } catch (IOException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** Removes the volume's directory: renamed away first, then deleted without crossing into other mounts. */
    void delete(String name) throws IOException {
        Path dir = root.resolve(name);
        Path doomed = root.resolve(REMOVING + name + "-" + UUID.randomUUID());
        Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
    }

    /** Deletes a tree without following symlinks and without entering another file system (a stray mount). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Object rootDev = Files.getAttribute(dir, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!rootDev.equals(Files.getAttribute(d, "unix:dev", LinkOption.NOFOLLOW_LINKS))) {
                    throw new IOException(d + " is a mount point: unmount it (umount " + d + ") first");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
