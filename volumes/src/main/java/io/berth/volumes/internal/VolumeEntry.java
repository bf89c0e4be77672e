package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.volumes.Volume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One volume's live state: its metadata, the containers holding it mounted, whether its file system is mounted.
 * Every method runs under the entry's monitor; the store's map lock is never taken from here.
 */
final class VolumeEntry {
    private final Path dir;
    private final MetadataFiles files;
    private final Mounter mounter;
    private VolumeRecord record;
    private final Volume volume;
    private final Set<String> users = new LinkedHashSet<>();
    private boolean mounted;
    private boolean removed;

    VolumeEntry(Path dir, VolumeRecord record, Volume volume, MetadataFiles files, Mounter mounter) {
        this.dir = dir;
        this.record = record;
        this.volume = volume;
        this.files = files;
        this.mounter = mounter;
        if (volume.needsMount()) {
            users.addAll(record.users());
        }
    }

    Volume volume() {
        return volume;
    }

    Path dataDir() {
        return dir.resolve("_data");
    }

    synchronized boolean populated() {
        return record.populated();
    }

    synchronized Set<String> users() {
        return Set.copyOf(users);
    }

    synchronized boolean mounted() {
        return mounted;
    }

    /** At open: take the kernel's word on whether the data directory is mounted; unmount one nobody holds. */
    synchronized void restoreMountState(boolean isMountPoint) {
        mounted = isMountPoint;
        if (mounted && users.isEmpty()) {
            mounter.unmount(volume.name(), dataDir());
            mounted = false;
        }
    }

    synchronized Path acquire(String containerId) {
        checkNotRemoved();
        if (!volume.needsMount()) {
            users.add(containerId);
            return dataDir();
        }
        if (users.contains(containerId)) {
            return dataDir();
        }
        boolean mountedHere = false;
        if (!mounted) {
            mounter.mount(volume.name(), volume.options(), dataDir());
            mounted = true;
            mountedHere = true;
        }
        users.add(containerId);
        try {
            persistUsers();
        } catch (BerthException e) {
            users.remove(containerId);
            if (mountedHere) {
                mounter.unmount(volume.name(), dataDir());
                mounted = false;
            }
            throw e;
        }
        return dataDir();
    }

    synchronized void release(String containerId) {
        if (!users.remove(containerId) || !volume.needsMount()) {
            return;
        }
        persistUsers();
        if (users.isEmpty() && mounted) {
            mounter.unmount(volume.name(), dataDir());
            mounted = false;
        }
    }

    /** Drops users not in {@code live}; unmounts when none is left. */
    synchronized void retain(Set<String> live) {
        if (!users.retainAll(live) || !volume.needsMount()) {
            return;
        }
        persistUsers();
        if (users.isEmpty() && mounted) {
            mounter.unmount(volume.name(), dataDir());
            mounted = false;
        }
    }

    /** Runs {@code work} with the data directory mounted (temporarily if no container holds it). */
    synchronized <T> T withDataMounted(IoWork<T> work) throws IOException {
        checkNotRemoved();
        boolean temporary = volume.needsMount() && !mounted;
        if (temporary) {
            mounter.mount(volume.name(), volume.options(), dataDir());
        }
        try {
            return work.run(dataDir());
        } finally {
            if (temporary) {
                mounter.unmount(volume.name(), dataDir());
            }
        }
    }

    synchronized void markPopulated() {
        record = record.withPopulated(true);
        persist();
    }

    /** Marks the entry removed after unmounting; the caller has checked it is unused. */
    synchronized void markRemoved() {
        if (mounted) {
            mounter.unmount(volume.name(), dataDir());
            mounted = false;
        }
        removed = true;
    }

    private void checkNotRemoved() {
        if (removed) {
            throw new BerthException(ErrorCategory.NOT_FOUND, "volume " + volume.name(),
                    "get " + volume.name() + ": no such volume");
        }
    }

    private void persistUsers() {
        record = record.withUsers(new ArrayList<>(users));
        persist();
    }

    private void persist() {
        try {
            files.write(dir.resolve(MetadataFiles.FILE_NAME), record);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, "volume " + volume.name(),
                    "could not write the metadata of volume " + volume.name() + " in " + dir + ": " + e.getMessage()
                            + ": check the data root's disk", e);
        }
    }

    @FunctionalInterface
    interface IoWork<T> {
        T run(Path dataDir) throws IOException;
    }
}
