package io.berth.volumes;

import java.util.Locale;

/** The kinds of mount a container can ask for, named as in Docker's {@code --mount type=}. */
public enum MountType {
    BIND, VOLUME, TMPFS;

    /** {@code bind}, {@code volume} or {@code tmpfs}. */
    public String dockerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
