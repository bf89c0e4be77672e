package io.berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** A management group such as {@code berth image}: only subcommands; alone, it prints its help like docker. */
final class GroupCommand implements Callable<Integer> {
    private CommandSpec spec;

    private GroupCommand() {
    }

    static CommandLine create(String description) {
        GroupCommand command = new GroupCommand();
        command.spec = Specs.command(command, description);
        command.spec.usageMessage().synopsisSubcommandLabel("COMMAND");
        return new CommandLine(command.spec);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
