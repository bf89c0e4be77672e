package io.berth.compose;

/**
 * The category of a {@link BerthException}. Each maps one-to-one to an HTTP status (for the API) and to an exit
 * code of the {@code berth} command, so a script can tell "not found" from "invalid" without parsing messages.
 */
public enum ErrorCategory {
    /** The input is wrong: a compose file that does not validate, a bad flag value. */
    INVALID_ARGUMENT(400, 1),
    /** The named object does not exist. */
    NOT_FOUND(404, 1),
    /** An object of that name exists already. */
    ALREADY_EXISTS(409, 1),
    /** The request conflicts with the current state (a version moved on, an object in use). */
    CONFLICT(409, 1),
    /** The system is not in a state where this can work (a dependency missing, a feature not available). */
    FAILED_PRECONDITION(412, 1),
    /** Transient: try again later. */
    UNAVAILABLE(503, 1),
    /** A bug or an unexpected failure of ours. */
    INTERNAL(500, 1);

    private final int httpStatus;
    private final int exitCode;

    ErrorCategory(int httpStatus, int exitCode) {
        this.httpStatus = httpStatus;
        this.exitCode = exitCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The exit code of {@code berth}; 2 is reserved for usage errors detected by the command line parser. */
    public int exitCode() {
        return exitCode;
    }
}
