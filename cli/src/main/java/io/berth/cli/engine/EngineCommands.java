package io.berth.cli.engine;

import io.berth.cli.CliContext;
import java.util.HashMap;
import java.util.Locale;
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
        for (ContainerCommands.Verb v : ContainerCommands.Verb.values()) {
            both(v.name().toLowerCase(Locale.ROOT), ctx -> ContainerCommands.create(ctx, v));
        }
        both("logs", ctx -> StreamCommands.create(ctx, StreamCommands.Kind.LOGS));
        both("attach", ctx -> StreamCommands.create(ctx, StreamCommands.Kind.ATTACH));
        both("exec", ctx -> StreamCommands.create(ctx, StreamCommands.Kind.EXEC));
        both("stats", StatsCommand::create);
        both("cp", CopyCommand::create);
        both("export", ctx -> ArchiveCommands.create(ctx, ArchiveCommands.Kind.EXPORT));
        both("commit", ctx -> ArchiveCommands.create(ctx, ArchiveCommands.Kind.COMMIT));
        at("ps", PsCommand::create);
        at("container ls", PsCommand::create);
        at("container list", PsCommand::create);
        at("inspect", ctx -> InspectCommand.create(ctx, null));
        at("container inspect", ctx -> InspectCommand.create(ctx, "container"));
        at("image inspect", ctx -> InspectCommand.create(ctx, "image"));
        at("volume inspect", ctx -> InspectCommand.create(ctx, "volume"));
        at("container prune", ctx -> PruneCommand.create(ctx, PruneCommand.What.CONTAINER));
        at("image prune", ctx -> PruneCommand.create(ctx, PruneCommand.What.IMAGE));
        at("volume prune", ctx -> PruneCommand.create(ctx, PruneCommand.What.VOLUME));
        at("events", EventsCommand::create);
        at("system events", EventsCommand::create);
        image("images", "image ls", ImageCommands.Kind.IMAGES);
        at("image list", ctx -> ImageCommands.create(ctx, ImageCommands.Kind.IMAGES));
        image("pull", "image pull", ImageCommands.Kind.PULL);
        image("push", "image push", ImageCommands.Kind.PUSH);
        image("tag", "image tag", ImageCommands.Kind.TAG);
        image("rmi", "image rm", ImageCommands.Kind.RMI);
        image("history", "image history", ImageCommands.Kind.HISTORY);
        archive("save", "image save", ArchiveCommands.Kind.SAVE);
        archive("load", "image load", ArchiveCommands.Kind.LOAD);
        archive("import", "image import", ArchiveCommands.Kind.IMPORT);
        at("volume create", ctx -> VolumeCommands.create(ctx, VolumeCommands.Kind.CREATE));
        at("volume ls", ctx -> VolumeCommands.create(ctx, VolumeCommands.Kind.LS));
        at("volume list", ctx -> VolumeCommands.create(ctx, VolumeCommands.Kind.LS));
        at("volume rm", ctx -> VolumeCommands.create(ctx, VolumeCommands.Kind.RM));
        at("info", ctx -> SystemCommands.create(ctx, SystemCommands.Kind.INFO));
        at("system info", ctx -> SystemCommands.create(ctx, SystemCommands.Kind.INFO));
        at("login", ctx -> SystemCommands.create(ctx, SystemCommands.Kind.LOGIN));
        at("logout", ctx -> SystemCommands.create(ctx, SystemCommands.Kind.LOGOUT));
    }

    private static void image(String top, String group, ImageCommands.Kind kind) {
        at(top, ctx -> ImageCommands.create(ctx, kind));
        at(group, ctx -> ImageCommands.create(ctx, kind));
    }

    private static void archive(String top, String group, ArchiveCommands.Kind kind) {
        at(top, ctx -> ArchiveCommands.create(ctx, kind));
        at(group, ctx -> ArchiveCommands.create(ctx, kind));
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
