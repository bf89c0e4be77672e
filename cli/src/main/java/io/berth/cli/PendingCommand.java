package io.berth.cli;

import io.berth.compose.ErrorCategory;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UnmatchedArgsBinding;

/**
 * A command that this build does not implement yet (networks, builds, compose other than config). It is registered with its
 * docker-like description so that {@code berth --help} shows the whole command set, accepts any arguments, and
 * when run prints one honest line on stderr and exits 1, whatever was typed after it ({@code -h/--help} as the
 * first argument still shows its help).
 *
 * <p>About a hundred of these exist; {@link CommandTree} makes only the one a command line names.
 */
final class PendingCommand implements Callable<Integer> {
    private CommandSpec spec;

    private PendingCommand() {
    }

    /** A new {@code CommandLine} for one pending command. */
    static CommandLine create(String description) {
        PendingCommand command = new PendingCommand();
        CommandSpec spec = Specs.command(command, description);
        command.spec = spec;
        spec.usageMessage().customSynopsis("${COMMAND-FULL-NAME} [ARG...]");
        spec.addUnmatchedArgsBinding(UnmatchedArgsBinding.forStringArrayConsumer(new ArgsSink()));
        CommandLine line = new CommandLine(spec);
        line.setStopAtUnmatched(true);
        return line;
    }

    /** The one line that a pending command prints, for example {@code berth run: needs the Berth daemon...}. */
    static String message(String qualifiedName) {
        return qualifiedName + ": is not implemented in this build yet (see the README: networks, builds and compose come next)";
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(message(spec.qualifiedName()));
        return ErrorCategory.FAILED_PRECONDITION.exitCode();
    }

    /** Receives the arguments and ignores them: the answer does not depend on them yet. */
    private static final class ArgsSink implements picocli.CommandLine.Model.ISetter {
        @Override
        public <T> T set(T value) {
            return null;
        }
    }
}
