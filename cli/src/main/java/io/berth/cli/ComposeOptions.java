package io.berth.cli;

import io.berth.compose.LoadOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The global options of {@code docker compose}, as given on one level of the command line. They are added to
 * {@code berth compose} and to the compose commands themselves, so they are accepted before the subcommand
 * ({@code berth compose -f a.yaml config}) and after it ({@code berth config -f a.yaml},
 * {@code berth compose config -f a.yaml}). {@link #effective} merges the two levels: lists are concatenated,
 * outer values first; a single value given after the subcommand wins.
 *
 * @param files            {@code -f/--file}, in order
 * @param projectName      {@code -p/--project-name}, or null
 * @param projectDirectory {@code --project-directory}, or null
 * @param envFiles         {@code --env-file}, in order
 * @param profiles         {@code --profile}, in order
 * @param ansi             {@code --ansi}, or null
 * @param progress         {@code --progress}, or null
 */
record ComposeOptions(List<String> files, String projectName, String projectDirectory, List<String> envFiles,
                      List<String> profiles, Ansi ansi, Progress progress) {

    /** {@code --ansi} values, as docker compose spells them. */
    enum Ansi { never, always, auto }

    /** {@code --progress} values, as docker compose spells them. */
    enum Progress { auto, tty, plain, json, quiet }

    static void addTo(CommandSpec spec) {
        spec.addOption(Specs.list("FILE", "Compose configuration files, merged in order ('-' reads standard input).",
                "-f", "--file"));
        spec.addOption(Specs.value("NAME", "Project name.", "-p", "--project-name"));
        spec.addOption(Specs.value("DIR",
                "Specify an alternate working directory (default: the path of the first Compose file).",
                "--project-directory"));
        spec.addOption(Specs.list("FILE", "Specify an alternate environment file.", "--env-file"));
        spec.addOption(Specs.list("PROFILE", "Specify a profile to enable.", "--profile"));
        spec.addOption(Specs.choice(Ansi.class, "WHEN",
                "Control when to print ANSI control characters (never, always, auto).", "--ansi"));
        spec.addOption(Specs.choice(Progress.class, "TYPE",
                "Set type of progress output (auto, tty, plain, json, quiet).", "--progress"));
    }

    /** The options given on the level that {@code result} parsed. */
    static ComposeOptions from(ParseResult result) {
        return new ComposeOptions(result.matchedOptionValue("--file", List.of()),
                result.matchedOptionValue("--project-name", null),
                result.matchedOptionValue("--project-directory", null),
                result.matchedOptionValue("--env-file", List.of()),
                result.matchedOptionValue("--profile", List.of()),
                result.matchedOptionValue("--ansi", null),
                result.matchedOptionValue("--progress", null));
    }

    /**
     * The options of {@code command} (given after the subcommand) merged over those given to {@code berth compose}
     * before it, when the command runs under {@code berth compose}; just its own for a shortcut such as
     * {@code berth config}.
     */
    static ComposeOptions effective(CommandSpec command) {
        ComposeOptions inner = from(command.commandLine().getParseResult());
        CommandSpec parent = command.parent();
        if (parent == null || !(parent.userObject() instanceof ComposeCommand)) {
            return inner;
        }
        ComposeOptions outer = from(parent.commandLine().getParseResult());
        return new ComposeOptions(concat(outer.files, inner.files),
                inner.projectName != null ? inner.projectName : outer.projectName,
                inner.projectDirectory != null ? inner.projectDirectory : outer.projectDirectory,
                concat(outer.envFiles, inner.envFiles),
                concat(outer.profiles, inner.profiles),
                inner.ansi != null ? inner.ansi : outer.ansi,
                inner.progress != null ? inner.progress : outer.progress);
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
