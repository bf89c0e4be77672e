package io.berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth compose version}, with docker compose's {@code --short} and {@code --format pretty|json}. */
@Command(name = "version", description = "Show the Berth Compose version information")
final class ComposeVersionCommand implements Callable<Integer> {
    /** {@code --format} values. */
    enum Format { pretty, json }

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Format the output. Values: [${COMPLETION-CANDIDATES}].")
    Format format = Format.pretty;

    @Option(names = "--short", description = "Shows only Compose's version number.")
    boolean shortForm;

    @Mixin
    HelpOption help;

    ComposeVersionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (shortForm) {
            out.println(ctx.version());
        } else if (format == Format.json) {
            out.println("{\"version\":" + Json.string(ctx.version()) + "}");
        } else {
            out.println("Berth Compose version " + ctx.version());
        }
        return 0;
    }
}
