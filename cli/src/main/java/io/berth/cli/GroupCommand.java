package io.berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** A management group such as {@code berth image}: only subcommands; alone, it prints its help like docker. */
final class GroupCommand implements Callable<Integer> {
    private CommandSpec spec;

    private GroupCommand() {
    }

    static CommandLine create(String description) {
        GroupCommand command = new GroupCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.usageMessage().description(description).synopsisSubcommandLabel("COMMAND");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help and exit.").build());
        return new CommandLine(spec);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
