package io.berth.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code berth compose version}, with docker compose's {@code --short} and {@code --format pretty|json}. */
final class ComposeVersionCommand implements Callable<Integer> {
    /** {@code --format} values. */
    enum Format { pretty, json }

    private final CliContext ctx;
    private CommandSpec spec;

    private ComposeVersionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static CommandLine create(CliContext ctx) {
        ComposeVersionCommand command = new ComposeVersionCommand(ctx);
        command.spec = Specs.command(command, "Show the Berth Compose version information");
        command.spec.addOption(Specs.choice(Format.class, "FORMAT", "Format the output. Values: [pretty | json].",
                "-f", "--format"));
        command.spec.addOption(Specs.flag("Shows only Compose's version number.", "--short"));
        return new CommandLine(command.spec);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ParseResult args = spec.commandLine().getParseResult();
        if (args.hasMatchedOption("--short")) {
            out.println(ctx.version());
        } else if (args.matchedOptionValue("--format", Format.pretty) == Format.json) {
            out.println("{\"version\":" + Json.string(ctx.version()) + "}");
        } else {
            out.println("Berth Compose version " + ctx.version());
        }
        return 0;
    }
}
