package io.berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth compose}: the group of compose commands and the holder of the compose global options. */
final class ComposeCommand implements Callable<Integer> {
    private CommandSpec spec;

    private ComposeCommand() {
    }

    static CommandLine create() {
        ComposeCommand command = new ComposeCommand();
        command.spec = Specs.command(command, "Define and run multi-container applications with Berth");
        command.spec.usageMessage().synopsisSubcommandLabel("COMMAND");
        ComposeOptions.addTo(command.spec);
        return new CommandLine(command.spec);
    }

    /** Like {@code docker compose} alone: print the help. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
