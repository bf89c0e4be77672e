package io.berth.agent.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The container's file system: {@code rootfs} is already mounted (a read-write overlay made by the images code);
 * {@code mounts} come ready-made from the volumes code; {@code tmpfs} maps a destination to its mount options
 * ({@code "size=64m,mode=1777"}, empty for the defaults); {@code shmSize} is the size of {@code /dev/shm} in
 * bytes, 0 for Docker's default 64 MiB.
 */
public record FilesystemConfig(Path rootfs, boolean readonlyRootfs, List<MountEntry> mounts, Map<String, String> tmpfs,
                               long shmSize) {
    public static final long DEFAULT_SHM_SIZE = 64L * 1024 * 1024;

    public FilesystemConfig {
        Objects.requireNonNull(rootfs, "rootfs");
        if (!rootfs.isAbsolute()) {
            throw new IllegalArgumentException("rootfs path must be absolute, got " + rootfs);
        }
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        tmpfs = tmpfs == null ? Map.of() : Map.copyOf(tmpfs);
        if (shmSize < 0) {
            throw new IllegalArgumentException("shm size must not be negative, got " + shmSize);
        }
        shmSize = shmSize == 0 ? DEFAULT_SHM_SIZE : shmSize;
    }
}
