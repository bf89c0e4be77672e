package io.berth.cli;

import io.berth.cli.client.DaemonError;
import io.berth.cli.client.EngineClient;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one line on stderr and an exit code. A {@link BerthException} prints
 * {@code berth: <message>} and exits with its category's code; anything else is a bug of ours and prints
 * {@code berth: internal error: ...} (exit code of {@link ErrorCategory#INTERNAL}); a usage error prints picocli's
 * message and a hint, and exits 2. The stack trace is shown only with {@code BERTH_DEBUG=1}.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** The exit code of a usage error, as docker and picocli use it. */
    static final int USAGE = 2;

    private final boolean debug;

    ErrorReporter(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine line, ParseResult parseResult) {
        PrintWriter err = line.getErr();
        if (ex instanceof CommandFailure failure) {
            if (failure.getCause() instanceof Exception cause) {
                handleExecutionException(cause, line, parseResult);
            }
            return failure.exitCode();
        }
        if (ex instanceof BerthException be) {
            err.println(describe(be));
            trace(ex, err);
            return be.category().exitCode();
        }
        err.println("berth: internal error: " + ex
                + (debug ? "" : " (run with BERTH_DEBUG=1 for the stack trace, and report it)"));
        trace(ex, err);
        return ErrorCategory.INTERNAL.exitCode();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("berth: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("See '" + line.getCommandSpec().qualifiedName() + " --help'.");
        trace(ex, err);
        return USAGE;
    }

    /**
     * The line that reports {@code e}: the daemon's errors as docker prints them ({@code Error response from daemon:
     * ...}, and its {@code Cannot connect to ...} alone), so scripts written for docker read them; Berth's own
     * errors as {@code berth: <message>}.
     */
    public static String describe(BerthException e) {
        if (e instanceof DaemonError) {
            return "Error response from daemon: " + e.getMessage();
        }
        if (e instanceof EngineClient.CannotConnect) {
            return e.getMessage();
        }
        return "berth: " + e.getMessage();
    }

    private void trace(Exception ex, PrintWriter err) {
        if (debug) {
            ex.printStackTrace(err);
        }
    }
}
