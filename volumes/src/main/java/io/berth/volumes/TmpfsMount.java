package io.berth.volumes;

import io.berth.volumes.internal.GoPaths;
import java.util.List;
import java.util.Objects;

/**
 * A tmpfs mounted in the container.
 *
 * @param target  absolute, clean container path
 * @param options the user's mount options, validated ({@code ro}, {@code exec}, {@code size=64m},
 *                {@code mode=1777}, {@code uid=}, {@code gid=}, {@code nr_inodes=}...); the defaults
 *                {@code noexec,nosuid,nodev} are added when the mount is converted (see {@link OciMountConverter})
 */
public record TmpfsMount(String target, List<String> options) implements MountRequest {

    public TmpfsMount {
        Objects.requireNonNull(target, "target");
        if (!GoPaths.isAbs(target)) {
            throw new IllegalArgumentException("tmpfs target must be absolute: " + target);
        }
        options = List.copyOf(options);
    }

    @Override
    public MountType type() {
        return MountType.TMPFS;
    }

    /** Read-only when the last of {@code ro}/{@code rw} in the options is {@code ro}. */
    @Override
    public boolean readOnly() {
        boolean ro = false;
        for (String o : options) {
            if (o.equals("ro")) {
                ro = true;
            } else if (o.equals("rw")) {
                ro = false;
            }
        }
        return ro;
    }
}
