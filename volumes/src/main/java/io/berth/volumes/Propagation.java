package io.berth.volumes;

import java.util.Locale;
import java.util.Optional;

/** Mount propagation of a bind mount, with the names Docker and runc use ({@code rprivate} is the default). */
public enum Propagation {
    PRIVATE, RPRIVATE, SHARED, RSHARED, SLAVE, RSLAVE;

    /** The default of a bind mount, as in Docker. */
    public static final Propagation DEFAULT = RPRIVATE;

    /** The name as runc and Docker write it: {@code rprivate}, {@code shared}... */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The propagation named exactly {@code s} (lower case, as Docker accepts it), if any. */
    public static Optional<Propagation> of(String s) {
        for (Propagation p : values()) {
            if (p.option().equals(s)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
