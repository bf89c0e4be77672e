package io.berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth}: the root of the tree, with the engine's global options. */
@Command(name = "berth", synopsisSubcommandLabel = "COMMAND",
        description = "Run containers and Compose applications, on one host or a cluster",
        footer = {"", "Run 'berth COMMAND --help' for more information on a command."})
final class RootCommand implements Callable<Integer>, IVersionProvider {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print version information and quit.")
    boolean version;

    @Mixin
    HelpOption help;

    RootCommand(CliContext ctx) {
        this.ctx = ctx;
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
