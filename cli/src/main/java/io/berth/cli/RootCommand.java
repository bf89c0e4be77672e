package io.berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code berth}: the root of the tree, with the engine's global options. */
final class RootCommand implements Callable<Integer>, IVersionProvider {
    private final CliContext ctx;
    private CommandSpec spec;

    private RootCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static CommandLine create(CliContext ctx) {
        RootCommand command = new RootCommand(ctx);
        CommandSpec spec = Specs.command(command, "Run containers and Compose applications, on one host or a cluster");
        command.spec = spec;
        spec.name("berth").versionProvider(command);
        spec.usageMessage().synopsisSubcommandLabel("COMMAND")
                .footer("", "Run 'berth COMMAND --help' for more information on a command.");
        spec.addOption(OptionSpec.builder("-v", "--version").versionHelp(true)
                .description("Print version information and quit.").build());
        EngineOptions.addTo(spec);
        return new CommandLine(spec);
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Berth version " + ctx.version()};
    }

    /** Like {@code docker} alone: print the help. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
