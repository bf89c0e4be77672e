package io.berth.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code berth version}: the client's version, and a server section that says the daemon is not part of this build.
 * Exits 0: the client's facts are all there is to report.
 */
final class VersionCommand implements Callable<Integer> {
    private final CliContext ctx;
    private CommandSpec spec;

    private VersionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static CommandLine create(CliContext ctx) {
        VersionCommand command = new VersionCommand(ctx);
        command.spec = Specs.command(command, "Show the Berth version information");
        command.spec.addOption(Specs.value("FORMAT", "Format the output: 'json' (default: pretty).", "-f", "--format"));
        return new CommandLine(command.spec);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String format = spec.commandLine().getParseResult().matchedOptionValue("--format", "pretty");
        String[] platform = ctx.platform().split("/", 2);
        if (format.equals("json")) {
            out.println("{\"Client\":{\"Version\":" + Json.string(ctx.version())
                    + ",\"JavaVersion\":" + Json.string(ctx.runtime())
                    + ",\"Os\":" + Json.string(platform[0])
                    + ",\"Arch\":" + Json.string(platform.length > 1 ? platform[1] : "")
                    + "},\"Server\":null}");
            return 0;
        }
        if (!format.equals("pretty")) {
            throw new ParameterException(spec.commandLine(),
                    "unsupported --format '" + format + "': use 'json' (templates are not supported yet)");
        }
        out.println("Client:");
        out.printf(" %-16s%s%n", "Version:", ctx.version());
        out.printf(" %-16s%s%n", "Java version:", ctx.runtime());
        out.printf(" %-16s%s%n", "OS/Arch:", ctx.platform());
        out.println();
        out.println("Server:");
        out.println(" not available: this build does not include the Berth daemon (berthd)");
        return 0;
    }
}
