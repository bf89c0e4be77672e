package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.ErrorReporter;
import io.berth.cli.Specs;
import io.berth.cli.client.DaemonAddress;
import io.berth.cli.client.DaemonStarter;
import io.berth.cli.client.EngineClient;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The base of every engine command: its picocli spec (built programmatically, see {@code Specs}), its writers and
 * flags, and the API client, made on first use — with auto-start of berthd when the address is the default socket.
 */
public abstract class EngineCommand implements Callable<Integer> {
    protected final CliContext ctx;
    protected CommandSpec spec;
    private EngineClient client;

    protected EngineCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Wraps {@code command} in a {@code CommandLine} with {@code description}, adding options with {@code options}. */
    static CommandLine line(EngineCommand command, String description, String synopsis, Consumer<CommandSpec> options) {
        CommandSpec spec = Specs.command(command, description);
        command.spec = spec;
        spec.usageMessage().sortOptions(false);
        if (synopsis != null) {
            spec.usageMessage().customSynopsis("${COMMAND-FULL-NAME} " + synopsis);
        }
        options.accept(spec);
        return new CommandLine(spec);
    }

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new BerthException(ErrorCategory.UNAVAILABLE, address().uri(), "the stream from the daemon at "
                    + address().uri() + " broke: " + e.getMessage() + " (transient if berthd restarted: try again)",
                    e);
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** Does the work; returns the exit code. */
    protected abstract int run() throws Exception;

    protected ParseResult args() {
        return spec.commandLine().getParseResult();
    }

    protected boolean flag(String name) {
        Object v = args().matchedOptionValue(name, null);
        if (v instanceof Boolean b) {
            return b;
        }
        return args().hasMatchedOption(name) || Boolean.TRUE.equals(spec.findOption(name).getValue());
    }

    protected String value(String name) {
        return args().matchedOptionValue(name, null);
    }

    protected String value(String name, String otherwise) {
        return args().matchedOptionValue(name, otherwise);
    }

    protected Integer integer(String name) {
        return args().matchedOptionValue(name, null);
    }

    protected List<String> values(String name) {
        return args().matchedOptionValue(name, List.of());
    }

    protected List<String> positionals() {
        return args().matchedPositionalValue(0, List.of());
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Standard output for bytes, after what was printed as text. */
    protected OutputStream rawOut() {
        out().flush();
        return ctx.console().out();
    }

    /** Standard error for bytes, after what was printed as text. */
    protected OutputStream rawErr() {
        err().flush();
        return ctx.console().err();
    }

    /** The daemon's address: {@code -H}, else {@code BERTH_HOST}, else the default socket. */
    protected DaemonAddress address() {
        ParseResult root = spec.root().commandLine().getParseResult();
        String host = root == null ? null : root.matchedOptionValue("--host", null);
        return DaemonAddress.resolve(host, ctx.environment());
    }

    /** The API client; on the default socket, starts berthd when nobody answers. */
    protected EngineClient client() {
        if (client == null) {
            DaemonAddress address = address();
            client = address.isDefault() && !ctx.environment().containsKey("BERTH_NO_AUTOSTART")
                    ? new EngineClient(address, ctx.version(), this::startDaemon)
                    : new EngineClient(address, ctx.version());
        }
        return client;
    }

    private void startDaemon(EngineClient unreachable) {
        DaemonStarter.standard(ctx.environment()).start(new EngineClient(unreachable.address(), ctx.version()), err());
    }

    /** An error of the user's input (exit 1, printed as {@code berth: ...}). */
    protected static BerthException invalid(String object, String message) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, object, message);
    }

    /**
     * Runs {@code action} on each of {@code targets}, printing what it returns (when not null) on stdout and each
     * failure on stderr, as docker does for {@code stop a b c}; exit 1 when any failed.
     */
    protected int forEach(List<String> targets, Action action) {
        int code = 0;
        for (String t : targets) {
            try {
                String line = action.apply(t);
                if (line != null) {
                    out().println(line);
                    out().flush();
                }
            } catch (BerthException e) {
                err().println(ErrorReporter.describe(e));
                err().flush();
                code = 1;
            }
        }
        return code;
    }

    /** One target's action in {@link #forEach}. */
    @FunctionalInterface
    protected interface Action {
        String apply(String target);
    }
}
