package io.berth.volumes;

import io.berth.volumes.internal.GoPaths;
import java.util.Objects;

/**
 * A volume mounted in the container: named, or anonymous (a fresh volume with a generated 64-hex name, made for
 * {@code -v /dst} and for an image's {@code VOLUME}).
 *
 * @param name      the volume's name; null for an anonymous volume not created yet (see
 *                  {@link ContainerMounts#resolve})
 * @param target    absolute, clean container path
 * @param readOnly  read-only in the container
 * @param anonymous true for an anonymous volume (removed with the container by {@code rm -v} and {@code --rm})
 * @param options   driver, creation options, {@code nocopy}, subpath
 */
public record VolumeMount(String name, String target, boolean readOnly, boolean anonymous, VolumeOptions options)
        implements MountRequest {

    public VolumeMount {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (!GoPaths.isAbs(target)) {
            throw new IllegalArgumentException("volume target must be absolute: " + target);
        }
        if (name == null && !anonymous) {
            throw new IllegalArgumentException("a named volume mount needs a name: " + target);
        }
    }

    /** A read-write anonymous volume at {@code target} (what {@code -v /dst} and an image's VOLUME give). */
    public static VolumeMount anonymous(String target) {
        return new VolumeMount(null, target, false, true, VolumeOptions.DEFAULT);
    }

    /** The same mount bound to the volume {@code newName} (an anonymous volume once created). */
    public VolumeMount withName(String newName) {
        return new VolumeMount(newName, target, readOnly, anonymous, options);
    }

    @Override
    public MountType type() {
        return MountType.VOLUME;
    }
}
