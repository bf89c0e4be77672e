package io.berth.volumes;

/**
 * One mount a container asked for, parsed from {@code -v}, {@code --mount} or {@code --tmpfs} (see
 * {@link MountSpecParser}) or made for an image's {@code VOLUME}. The target is absolute and clean (no {@code .},
 * {@code ..}, double or trailing slashes) and never {@code /}.
 */
public sealed interface MountRequest permits BindMount, VolumeMount, TmpfsMount {

    MountType type();

    /** The absolute, clean path inside the container. */
    String target();

    /** True when the container sees the mount read-only. */
    boolean readOnly();
}
