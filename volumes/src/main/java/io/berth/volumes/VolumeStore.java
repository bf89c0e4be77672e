package io.berth.volumes;

import io.berth.volumes.internal.LocalVolumeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The node's named volumes (local driver): {@code volume create/inspect/ls/rm/prune}, and what containers need of
 * them: {@link #acquire} when a container starts (mounts the volume's file system on first use), {@link #release}
 * when it stops (unmounts after the last user), {@link #copyUp} when it is created. Plain blocking calls, safe
 * from many threads; errors are {@link io.berth.compose.BerthException}s.
 */
public interface VolumeStore {

    /**
     * Opens (creating if needed) the store under {@code <dataRoot>/volumes}, loading the volumes there; a volume
     * whose file system is still mounted from before a restart keeps its users (see {@link #retainUsers}).
     *
     * @param usage  which containers refer to a volume (from the daemon's container records)
     * @param clock  for creation times and the zone of {@code CreatedAt}
     * @param random for the names of anonymous volumes
     */
    static VolumeStore local(Path dataRoot, VolumeUsage usage, Clock clock, RandomGenerator random) {
        return LocalVolumeStore.open(dataRoot, usage, clock, random);
    }

    /**
     * Creates a volume, or returns the existing one of that name when its driver options are the same (labels of
     * an existing volume are kept, as Docker does). INVALID_ARGUMENT for a bad name, a driver other than
     * {@code local} or a bad option; ALREADY_EXISTS when the name exists with other options.
     */
    Volume create(VolumeCreateRequest request);

    /** The volume; NOT_FOUND {@code get NAME: no such volume}. */
    Volume inspect(String name);

    /** Size and reference count of a volume (walks its data: not for hot paths). */
    UsageData usage(String name);

    /** {@code inspect} in Docker's JSON form, with {@code UsageData} when {@code withUsage}. */
    VolumeJson inspectJson(String name, boolean withUsage);

    /**
     * Volumes sorted by name, filtered as {@code volume ls --filter}: {@code dangling=true|false},
     * {@code name=} (substring/regular expression), {@code label=k} or {@code label=k=v} (all must match),
     * {@code driver=}. INVALID_ARGUMENT for another filter.
     */
    List<Volume> list(Map<String, List<String>> filters);

    /**
     * Removes a volume and its data. CONFLICT when a container refers to it or holds it mounted, even with
     * {@code force} (as Docker); {@code force} only turns "no such volume" into success.
     */
    void remove(String name, boolean force);

    /**
     * Removes unused local volumes: anonymous ones only, unless filter {@code all=true}; {@code label=} and
     * {@code label!=} filters narrow it. As Docker, volumes with mount options are left alone (their data is not
     * here to reclaim).
     */
    PruneReport prune(Map<String, List<String>> filters);

    /**
     * Marks the volume used by {@code containerId} and returns the host directory to bind into the container;
     * mounts the volume's file system first when it has mount options and nobody had it mounted. Idempotent per
     * container.
     */
    Path acquire(String name, String containerId);

    /** Drops {@code containerId}'s use; unmounts when it was the last user. No-op if it held none. */
    void release(String name, String containerId);

    /**
     * Copies the image's content at {@code containerPath} inside {@code rootfs} into the volume when the volume is
     * empty and was never populated (Docker's copy-up): files, directories, symlinks (never followed, also not on
     * the way to {@code containerPath}: resolved inside {@code rootfs}), hard links, device nodes, FIFOs, owners,
     * modes, xattrs and times; the volume's root takes the owner and mode of the image's directory.
     *
     * @return true when something was copied
     */
    boolean copyUp(String name, Path rootfs, String containerPath);

    /** Containers holding the volume mounted (acquired and not released). */
    Set<String> activeUsers(String name);

    /**
     * After a daemon restart: forgets users not in {@code liveContainerIds} (containers that ended while the
     * daemon was away) and unmounts volumes left without users.
     */
    void retainUsers(Set<String> liveContainerIds);
}
