package io.berth.cli;

import io.berth.cli.engine.EngineCommands;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the {@code berth} command tree for one {@link CliContext}: the only place that knows its shape.
 *
 * <p>The tree is built lazily along the command line: {@code berth config -f a.yaml} makes the root and
 * {@code config} only, not the hundred other commands, because picocli's model of each command costs start-up
 * time (see the Benchmarks in the README). When the command line names no known command (help, a typo), the
 * whole level is built, so help lists every command and a typo gets picocli's suggestions.
 */
final class CommandTree {
    /** Makes one command; {@code next} is the index in {@code args} just after its name. */
    @FunctionalInterface
    private interface Maker {
        CommandLine make(String[] args, int next);
    }

    private CommandTree() {
    }

    /** The whole tree (help, tests). */
    static CommandLine build(CliContext ctx, PrintWriter out, PrintWriter err) {
        return build(new String[0], ctx, out, err);
    }

    /** The tree needed to run {@code args}, printing to {@code out} and {@code err}, with Berth's error handling. */
    static CommandLine build(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
        CommandLine root = RootCommand.create(ctx);
        addSubcommands(root, topLevel(ctx), args, 0);

        ErrorReporter errors = new ErrorReporter(ctx.debug());
        root.setOut(out);
        root.setErr(err);
        root.setExecutionExceptionHandler(errors);
        root.setParameterExceptionHandler(errors);
        root.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return root;
    }

    /** The top level, in the order help lists it: compose shortcuts, groups, engine commands. */
    private static Map<String, Maker> topLevel(CliContext ctx) {
        Map<String, Maker> top = new LinkedHashMap<>();
        for (String name : CommandCatalog.SHORTCUTS) {
            top.put(name, pending(CommandCatalog.compose(name).description()));
        }
        top.put("config", (args, next) -> ConfigCommand.create(ctx));
        top.put("compose", (args, next) -> {
            CommandLine compose = ComposeCommand.create();
            addSubcommands(compose, composeCommands(ctx), args, next);
            return compose;
        });
        for (CommandCatalog.Group group : CommandCatalog.GROUPS) {
            top.put(group.name(), (args, next) -> {
                CommandLine g = GroupCommand.create(group.description());
                Map<String, Maker> children = new LinkedHashMap<>();
                group.commands().forEach(c -> children.put(c.name(),
                        engine(group.name() + " " + c.name(), c.description(), ctx)));
                addSubcommands(g, children, args, next);
                return g;
            });
        }
        CommandCatalog.ENGINE.forEach(e -> top.put(e.name(), engine(e.name(), e.description(), ctx)));
        top.put("version", (args, next) -> VersionCommand.create(ctx));
        return top;
    }

    private static Map<String, Maker> composeCommands(CliContext ctx) {
        Map<String, Maker> commands = new TreeMap<>();
        CommandCatalog.COMPOSE.forEach(e -> commands.put(e.name(), pending(e.description())));
        commands.put("config", (args, next) -> ConfigCommand.create(ctx));
        commands.put("version", (args, next) -> ComposeVersionCommand.create(ctx));
        return commands;
    }

    /** The engine command at {@code path} when it is implemented, else a pending command. */
    private static Maker engine(String path, String description, CliContext ctx) {
        if (!EngineCommands.has(path)) {
            return pending(description);
        }
        return (args, next) -> EngineCommands.create(path, ctx);
    }

    private static Maker pending(String description) {
        return (args, next) -> PendingCommand.create(description);
    }

    /** Adds the child that {@code args} names after {@code from}, or every child when it names none of them. */
    private static void addSubcommands(CommandLine parent, Map<String, Maker> children, String[] args, int from) {
        int i = nextCommand(parent.getCommandSpec(), args, from);
        Maker named = i < 0 ? null : children.get(args[i]);
        if (named != null) {
            parent.addSubcommand(args[i], named.make(args, i + 1), aliases(args[i]));
            return;
        }
        children.forEach((name, maker) -> parent.addSubcommand(name, maker.make(args, args.length), aliases(name)));
    }

    /** Docker's {@code list} for every {@code ls} ({@code berth container list}). */
    private static String[] aliases(String name) {
        return name.equals("ls") ? new String[] {"list"} : new String[0];
    }

    /** The index of the first argument after {@code from} that is not an option of {@code spec} or its value. */
    private static int nextCommand(CommandSpec spec, String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return -1;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                return i;
            }
            OptionSpec option = spec.findOption(arg);
            if (option != null && option.arity().max() > 0) {
                i++;
            }
        }
        return -1;
    }
}
