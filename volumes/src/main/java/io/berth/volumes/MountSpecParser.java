package io.berth.volumes;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.volumes.internal.MountFlagParser;
import io.berth.volumes.internal.TmpfsFlagParser;
import io.berth.volumes.internal.VolumeFlagParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Docker's mount flags into {@link MountRequest}s: {@code -v/--volume}, {@code --mount}, {@code --tmpfs}, with
 * Docker's rules and error messages (all {@link ErrorCategory#INVALID_ARGUMENT}). Pure apart from one check: a
 * {@code --mount type=bind} source must exist (Docker's "bind source path does not exist").
 */
public final class MountSpecParser {
    private final VolumeFlagParser volumes;
    private final MountFlagParser mounts;
    private final TmpfsFlagParser tmpfs = new TmpfsFlagParser();

    /** A parser that refuses relative host paths (the daemon does not know the client's directory). */
    public MountSpecParser() {
        this(null);
    }

    /**
     * @param workingDirectory the client's working directory: host paths starting with {@code .} are resolved
     *                         against it, as docker/cli does; null to leave them as volume names (refused)
     */
    public MountSpecParser(Path workingDirectory) {
        this.volumes = new VolumeFlagParser(workingDirectory);
        this.mounts = new MountFlagParser(workingDirectory);
    }

    /** One {@code -v} value: {@code NAME:/dst[:opts]}, {@code /src:/dst[:opts]} or {@code /dst}. */
    public MountRequest parseVolume(String spec) {
        return volumes.parse(spec);
    }

    /** One {@code --mount} value: {@code type=bind,source=/src,target=/dst,readonly}... */
    public MountRequest parseMount(String value) {
        return mounts.parse(value);
    }

    /** One {@code --tmpfs} value: {@code /dst[:opts]}. */
    public TmpfsMount parseTmpfs(String spec) {
        return tmpfs.parse(spec);
    }

    /**
     * All of a container's mount flags, in Docker's order ({@code -v}, then {@code --mount}, then
     * {@code --tmpfs}); two mounts on one target are an error.
     */
    public List<MountRequest> parseAll(List<String> volumeFlags, List<String> mountFlags, List<String> tmpfsFlags) {
        List<MountRequest> all = new ArrayList<>();
        volumeFlags.forEach(v -> all.add(parseVolume(v)));
        mountFlags.forEach(v -> all.add(parseMount(v)));
        tmpfsFlags.forEach(v -> all.add(parseTmpfs(v)));
        checkDuplicates(all);
        return List.copyOf(all);
    }

    /** Throws INVALID_ARGUMENT {@code Duplicate mount point: /data} when two requests share a target. */
    public static void checkDuplicates(List<? extends MountRequest> requests) {
        Set<String> seen = new HashSet<>();
        for (MountRequest r : requests) {
            if (!seen.add(r.target())) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "mount " + r.target(),
                        "Duplicate mount point: " + r.target());
            }
        }
    }
}
