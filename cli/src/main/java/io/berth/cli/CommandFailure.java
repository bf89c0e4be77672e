package io.berth.cli;

/**
 * A failure that ends a command with a specific exit code: docker's 125 when {@code run} or {@code create} fails
 * before the container runs, 126/127 when its command cannot be executed or found. The cause, when there is one,
 * is printed as any other error; without a cause nothing more is printed (the command said it already).
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandFailure(int exitCode, Throwable cause) {
        super(cause == null ? "exit " + exitCode : cause.getMessage(), cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
