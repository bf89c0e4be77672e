package io.berth.compose;

/**
 * A compose file that cannot be loaded: unreadable, not YAML, invalid against the schema, inconsistent, or with
 * a variable that cannot be interpolated. The message names the file (and line and column where the YAML has
 * them), the field path, and what is wrong.
 */
public class ComposeException extends BerthException {
    private static final long serialVersionUID = 1L;

    public ComposeException(String object, String message) {
        super(ErrorCategory.INVALID_ARGUMENT, object, message);
    }

    public ComposeException(String object, String message, Throwable cause) {
        super(ErrorCategory.INVALID_ARGUMENT, object, message, cause);
    }

    public ComposeException(ErrorCategory category, String object, String message) {
        super(category, object, message);
    }
}
