package io.berth.compose.internal.model;

/** A value that cannot be decoded into its field's type; carries the field path. */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;

    DecodeException(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
