package io.berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code berth compose}: the group of compose commands and the holder of the compose global options. */
@Command(name = "compose", description = "Define and run multi-container applications with Berth",
        synopsisSubcommandLabel = "COMMAND")
final class ComposeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    private ComposeOptions options;

    @Mixin
    HelpOption help;

    ComposeOptions options() {
        return options;
    }

    /** Like {@code docker compose} alone: print the help. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
