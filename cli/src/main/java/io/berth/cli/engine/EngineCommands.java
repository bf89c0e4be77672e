package io.berth.cli.engine;

import io.berth.cli.CliContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The engine commands that are clients of berthd, by path ({@code "run"}, {@code "container ls"},
 * {@code "volume create"}). The command tree asks here first and falls back to a pending command.
 */
public final class EngineCommands {
    private static final Map<String, Function<CliContext, CommandLine>> COMMANDS = new HashMap<>();

    static {
        both("run", ctx -> RunCommand.create(ctx, true));
        both("create", ctx -> RunCommand.create(ctx, false));
    }

    private EngineCommands() {
    }

    /** Registers a command at the top level and under {@code berth container}. */
    private static void both(String name, Function<CliContext, CommandLine> maker) {
        COMMANDS.put(name, maker);
        COMMANDS.put("container " + name, maker);
    }

    private static void at(String path, Function<CliContext, CommandLine> maker) {
        COMMANDS.put(path, maker);
    }

    /** True when {@code path} is implemented here. */
    public static boolean has(String path) {
        return COMMANDS.containsKey(path);
    }

    /** A new command for {@code path}, or null when it is not implemented. */
    public static CommandLine create(String path, CliContext ctx) {
        Function<CliContext, CommandLine> maker = COMMANDS.get(path);
        return maker == null ? null : maker.apply(ctx);
    }
}
