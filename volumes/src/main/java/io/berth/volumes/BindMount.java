package io.berth.volumes;

import io.berth.volumes.internal.GoPaths;
import java.util.Objects;

/**
 * A host path bound into the container.
 *
 * @param source       absolute, clean host path
 * @param target       absolute, clean container path
 * @param readOnly     read-only in the container
 * @param propagation  mount propagation ({@link Propagation#DEFAULT} unless asked)
 * @param recursion    how sub-mounts of the source are treated ({@code --mount bind-recursive=})
 * @param createSource create the source directory when it is missing at start (always for {@code -v}, as Docker
 *                     does; for {@code --mount} only with {@code bind-create-src})
 */
public record BindMount(String source, String target, boolean readOnly, Propagation propagation,
                        Recursion recursion, boolean createSource) implements MountRequest {

    /** Docker's {@code bind-recursive} values. */
    public enum Recursion {
        /** Sub-mounts are bound too ({@code rbind}); read-only applies recursively where the runtime can. */
        ENABLED,
        /** Only the source mount itself ({@code bind}); Docker's former {@code bind-nonrecursive}. */
        DISABLED,
        /** Sub-mounts bound, read-only only at the top ({@code ro} rather than {@code rro}). */
        WRITABLE,
        /** Sub-mounts bound and forced read-only ({@code rro}); an error where the runtime cannot. */
        READONLY
    }

    public BindMount {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(propagation, "propagation");
        Objects.requireNonNull(recursion, "recursion");
        if (!GoPaths.isAbs(source) || !GoPaths.isAbs(target)) {
            throw new IllegalArgumentException("bind source and target must be absolute: " + source + ":" + target);
        }
    }

    /** A read-write, recursive, {@code rprivate} bind, created when missing (what {@code -v /src:/dst} gives). */
    public static BindMount of(String source, String target) {
        return new BindMount(source, target, false, Propagation.DEFAULT, Recursion.ENABLED, true);
    }

    @Override
    public MountType type() {
        return MountType.BIND;
    }
}
