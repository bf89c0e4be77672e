package io.berth.volumes;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.volumes.internal.GoPaths;
import io.berth.volumes.internal.MountFlags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Mount requests into OCI runtime-spec mount entries, with the options Docker gives runc:
 * <ul>
 *   <li>bind: {@code rbind} ({@code bind} when not recursive), {@code rro} or {@code ro} when read-only, and the
 *       propagation ({@code rprivate} unless asked);</li>
 *   <li>volume: {@code rbind} of the volume's host directory, {@code rro}/{@code ro} when read-only, no
 *       propagation (as Docker);</li>
 *   <li>tmpfs: {@code noexec,nosuid,nodev,rprivate} then the user's options, merged so that the last of each kind
 *       wins ({@code exec} undoes {@code noexec}); no size limit unless {@code size=} is given.</li>
 * </ul>
 * Pure: touches no file.
 */
public final class OciMountConverter {
    private static final List<String> TMPFS_DEFAULTS = List.of("noexec", "nosuid", "nodev",
            Propagation.DEFAULT.option());

    private final boolean recursiveReadOnly;

    /**
     * @param recursiveReadOnly the runtime supports {@code rro} (runc ≥ 1.1 and crun on Linux ≥ 5.12 do): read-only
     *                          binds are then read-only all the way down, as Docker 25+ makes them
     */
    public OciMountConverter(boolean recursiveReadOnly) {
        this.recursiveReadOnly = recursiveReadOnly;
    }

    public OciMount bind(BindMount b) {
        List<String> options = new ArrayList<>();
        options.add(b.recursion() == BindMount.Recursion.DISABLED ? "bind" : "rbind");
        if (b.readOnly()) {
            options.add(readOnlyOption(b));
        }
        options.add(b.propagation().option());
        return new OciMount(b.target(), "bind", b.source(), options);
    }

    /** @param hostPath the directory to bind: the volume's data (or its subpath), from {@link ContainerMounts} */
    public OciMount volume(VolumeMount v, Path hostPath) {
        List<String> options = new ArrayList<>();
        options.add("rbind");
        if (v.readOnly()) {
            options.add(recursiveReadOnly ? "rro" : "ro");
        }
        return new OciMount(v.target(), "bind", hostPath.toString(), options);
    }

    public OciMount tmpfs(TmpfsMount t) {
        List<String> options = new ArrayList<>(TMPFS_DEFAULTS);
        options.addAll(t.options());
        try {
            return new OciMount(t.target(), "tmpfs", "tmpfs", MountFlags.mergeTmpfsOptions(options));
        } catch (IllegalArgumentException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "tmpfs " + t.target(), e.getMessage());
        }
    }

    private String readOnlyOption(BindMount b) {
        return switch (b.recursion()) {
            case WRITABLE -> "ro";
            case READONLY -> {
                if (!recursiveReadOnly) {
                    throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "mount " + b.target(),
                            "bind-recursive=readonly needs a runtime and kernel that support recursive read-only "
                                    + "mounts (rro): drop bind-recursive=readonly or use bind-recursive=writable");
                }
                yield "rro";
            }
            default -> recursiveReadOnly ? "rro" : "ro";
        };
    }

    /**
     * Mounts ordered so that a parent is mounted before what lies under it (fewer path elements first, the given
     * order otherwise), as Docker sorts them.
     */
    public static List<OciMount> sorted(List<OciMount> mounts) {
        List<OciMount> copy = new ArrayList<>(mounts);
        copy.sort(Comparator.comparingInt(m -> GoPaths.depth(GoPaths.clean(m.destination()))));
        return List.copyOf(copy);
    }
}
