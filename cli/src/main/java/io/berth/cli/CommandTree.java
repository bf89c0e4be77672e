package io.berth.cli;

import java.io.PrintWriter;
import java.util.TreeMap;
import picocli.CommandLine;

/** Builds the {@code berth} command tree for one {@link CliContext}: the only place that knows its shape. */
final class CommandTree {
    private CommandTree() {
    }

    /** The whole tree, printing to {@code out} and {@code err}, with Berth's error handling and exit codes. */
    static CommandLine build(CliContext ctx, PrintWriter out, PrintWriter err) {
        RootCommand rootCommand = new RootCommand(ctx);
        CommandLine root = new CommandLine(rootCommand);
        root.getCommandSpec().versionProvider(rootCommand);
        // Compose shortcuts first, as the commands people start with: berth up, berth down, berth config.
        for (String name : CommandCatalog.SHORTCUTS) {
            root.addSubcommand(name, PendingCommand.create(CommandCatalog.compose(name).description()));
        }
        root.addSubcommand("config", new CommandLine(new ConfigCommand(ctx)));
        root.addSubcommand("compose", compose(ctx));
        for (CommandCatalog.Group group : CommandCatalog.GROUPS) {
            CommandLine g = GroupCommand.create(group.description());
            group.commands().forEach(c -> g.addSubcommand(c.name(), PendingCommand.create(c.description())));
            root.addSubcommand(group.name(), g);
        }
        for (CommandCatalog.Entry e : CommandCatalog.ENGINE) {
            root.addSubcommand(e.name(), PendingCommand.create(e.description()));
        }
        root.addSubcommand("version", new CommandLine(new VersionCommand(ctx)));

        ErrorReporter errors = new ErrorReporter(ctx.debug());
        root.setOut(out);
        root.setErr(err);
        root.setExecutionExceptionHandler(errors);
        root.setParameterExceptionHandler(errors);
        root.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return root;
    }

    private static CommandLine compose(CliContext ctx) {
        TreeMap<String, CommandLine> commands = new TreeMap<>();
        for (CommandCatalog.Entry e : CommandCatalog.COMPOSE) {
            commands.put(e.name(), PendingCommand.create(e.description()));
        }
        commands.put("config", new CommandLine(new ConfigCommand(ctx)));
        commands.put("version", new CommandLine(new ComposeVersionCommand(ctx)));
        CommandLine compose = new CommandLine(new ComposeCommand());
        commands.forEach(compose::addSubcommand);
        return compose;
    }
}
