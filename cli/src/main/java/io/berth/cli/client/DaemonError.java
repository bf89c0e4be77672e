package io.berth.cli.client;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.Map;

/**
 * The daemon answered with an error status. Its message is what docker prints after
 * {@code "Error response from daemon: "}; the category comes from the body (or, when the body has none, from the
 * status).
 */
public final class DaemonError extends BerthException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public DaemonError(int status, ErrorCategory category, String object, String message) {
        super(category, object, message);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** True for 404: the object does not exist. */
    public boolean notFound() {
        return status == 404;
    }

    /** Builds the error from a status and the decoded body ({@code {"category","message","object"}}), or its text. */
    static DaemonError of(int status, Object body, String text) {
        String message = null;
        String object = null;
        ErrorCategory category = null;
        if (body instanceof Map<?, ?> map) {
            message = map.get("message") instanceof String s ? s : null;
            object = map.get("object") instanceof String s ? s : null;
            if (map.get("category") instanceof String c) {
                try {
                    category = ErrorCategory.valueOf(c);
                } catch (IllegalArgumentException e) {
                    category = null;
                }
            }
        }
        if (message == null) {
            message = text == null || text.isBlank() ? "HTTP status " + status : text.strip();
        }
        return new DaemonError(status, category == null ? categoryOf(status) : category, object, message);
    }

    static ErrorCategory categoryOf(int status) {
        return switch (status) {
            case 400 -> ErrorCategory.INVALID_ARGUMENT;
            case 404 -> ErrorCategory.NOT_FOUND;
            case 409 -> ErrorCategory.CONFLICT;
            case 412 -> ErrorCategory.FAILED_PRECONDITION;
            case 503 -> ErrorCategory.UNAVAILABLE;
            default -> ErrorCategory.INTERNAL;
        };
    }
}
