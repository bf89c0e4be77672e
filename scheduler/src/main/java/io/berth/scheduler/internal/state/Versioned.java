package io.berth.scheduler.internal.state;

/** A stored record: its version (strictly increasing per key) and its JSON text. */
public record Versioned(long version, String value) {
    public Versioned {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
    }
}
