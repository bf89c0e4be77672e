package io.berth.compose;

import java.util.Objects;

/**
 * The one exception type that crosses module boundaries. It carries a {@link ErrorCategory}, the object it is
 * about (a file and position, a service, a network...) and a message that says what is wrong and what to do.
 */
public class BerthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;
    private final String object;

    public BerthException(ErrorCategory category, String object, String message) {
        this(category, object, message, null);
    }

    public BerthException(ErrorCategory category, String object, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
        this.object = object;
    }

    public ErrorCategory category() {
        return category;
    }

    /** What the error is about, for example {@code compose.yaml:12:5} or {@code service web}; may be null. */
    public String object() {
        return object;
    }
}
