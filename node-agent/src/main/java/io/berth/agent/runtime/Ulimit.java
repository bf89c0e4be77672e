package io.berth.agent.runtime;

import java.util.Locale;
import java.util.Objects;

/** A resource limit by Docker's name ({@code nofile}, {@code nproc}, {@code core}...), soft and hard (-1 unlimited). */
public record Ulimit(String name, long soft, long hard) {
    public Ulimit {
        name = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
        if (soft != -1 && hard != -1 && soft > hard) {
            throw new IllegalArgumentException("ulimit " + name + ": soft limit " + soft + " is above hard limit " + hard);
        }
    }

    /** Parses Docker's {@code name=soft[:hard]}. */
    public static Ulimit parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("ulimit \"" + text + "\" must be name=soft[:hard]");
        }
        String values = text.substring(eq + 1);
        int colon = values.indexOf(':');
        long soft = Long.parseLong(colon < 0 ? values : values.substring(0, colon));
        long hard = colon < 0 ? soft : Long.parseLong(values.substring(colon + 1));
        return new Ulimit(text.substring(0, eq), soft, hard);
    }
}
