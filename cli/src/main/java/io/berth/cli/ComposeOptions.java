package io.berth.cli;

import io.berth.compose.LoadOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The global options of {@code docker compose}. Mixed into {@code berth compose} and into the compose commands
 * themselves, so they are accepted before the subcommand ({@code berth compose -f a.yaml config}) and after it
 * ({@code berth config -f a.yaml}, {@code berth compose config -f a.yaml}). {@link #effective} merges the two:
 * lists are concatenated, outer values first; a single value given after the subcommand wins.
 */
final class ComposeOptions {
    /** {@code --ansi} values, as docker compose spells them. */
    enum Ansi { never, always, auto }

    /** {@code --progress} values, as docker compose spells them. */
    enum Progress { auto, tty, plain, json, quiet }

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Compose configuration files, merged in order ('-' reads standard input).")
    List<String> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name.")
    String projectName;

    @Option(names = "--project-directory", paramLabel = "DIR",
            description = "Specify an alternate working directory (default: the path of the first Compose file).")
    String projectDirectory;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Specify an alternate environment file.")
    List<String> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Specify a profile to enable.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--ansi", paramLabel = "WHEN",
            description = "Control when to print ANSI control characters (${COMPLETION-CANDIDATES}).")
    Ansi ansi;

    @Option(names = "--progress", paramLabel = "TYPE",
            description = "Set type of progress output (${COMPLETION-CANDIDATES}).")
    Progress progress;

    /**
     * These options (given after the subcommand) merged over those given to {@code berth compose} before it, when
     * the command runs under {@code berth compose}; just these for a shortcut such as {@code berth config}.
     */
    ComposeOptions effective(CommandSpec command) {
        CommandSpec parent = command.parent();
        if (parent == null || !(parent.userObject() instanceof ComposeCommand group)) {
            return this;
        }
        ComposeOptions outer = group.options();
        ComposeOptions merged = new ComposeOptions();
        merged.files = concat(outer.files, files);
        merged.envFiles = concat(outer.envFiles, envFiles);
        merged.profiles = concat(outer.profiles, profiles);
        merged.projectName = projectName != null ? projectName : outer.projectName;
        merged.projectDirectory = projectDirectory != null ? projectDirectory : outer.projectDirectory;
        merged.ansi = ansi != null ? ansi : outer.ansi;
        merged.progress = progress != null ? progress : outer.progress;
        return merged;
    }

    /** A {@link LoadOptions} builder for these options; relative paths resolve against the working directory. */
    LoadOptions.Builder toLoadOptions(CliContext ctx) {
        return LoadOptions.builder(ctx.workingDirectory(), ctx.environment())
                .files(files)
                .projectName(projectName)
                .projectDirectory(projectDirectory == null ? null
                        : ctx.workingDirectory().resolve(projectDirectory).normalize())
                .envFiles(envFiles)
                .profiles(profiles)
                .stdin(ctx.stdin());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
