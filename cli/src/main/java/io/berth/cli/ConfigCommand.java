package io.berth.cli;

import io.berth.compose.BerthException;
import io.berth.compose.ConfigRenderer;
import io.berth.compose.ErrorCategory;
import io.berth.compose.LoadOptions;
import io.berth.compose.Project;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code berth config} and {@code berth compose config}: load the compose files and print the canonical model, or
 * one of its listings. Flags, precedence between listings and output follow {@code docker compose config}.
 */
final class ConfigCommand implements Callable<Integer> {
    /** {@code --format} values. */
    enum Format { yaml, json }

    private final CliContext ctx;
    private CommandSpec spec;

    private ConfigCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static CommandLine create(CliContext ctx) {
        ConfigCommand command = new ConfigCommand(ctx);
        CommandSpec spec = Specs.command(command, "Parse, resolve and render compose file in canonical format");
        command.spec = spec;
        spec.usageMessage().sortOptions(false);
        ComposeOptions.addTo(spec);
        spec.addOption(Specs.choice(Format.class, "FORMAT", "Format the output. Values: [yaml | json].", "--format"));
        spec.addOption(Specs.flag("Only validate the configuration, don't print anything.", "-q", "--quiet"));
        spec.addOption(Specs.flag("Print the service names, one per line.", "--services"));
        spec.addOption(Specs.flag("Print the volume names, one per line.", "--volumes"));
        spec.addOption(Specs.flag("Print the network names, one per line.", "--networks"));
        spec.addOption(Specs.flag("Print the model names, one per line.", "--models"));
        spec.addOption(Specs.flag("Print the profile names, one per line.", "--profiles"));
        spec.addOption(Specs.flag("Print the image names, one per line.", "--images"));
        spec.addOption(Specs.value("SERVICES",
                "Print the service config hash, one per line ('*' for all, or svc1,svc2).", "--hash"));
        spec.addOption(Specs.flag("Print model variables and default values.", "--variables"));
        spec.addOption(Specs.flag("Print environment used for interpolation.", "--environment"));
        spec.addOption(Specs.flag("Don't interpolate environment variables.", "--no-interpolate"));
        spec.addOption(Specs.flag("Don't normalize compose model.", "--no-normalize"));
        spec.addOption(Specs.flag("Don't resolve file paths.", "--no-path-resolution"));
        spec.addOption(Specs.flag("Don't check model consistency - warning: may produce invalid Compose output.",
                "--no-consistency"));
        spec.addOption(Specs.value("FILE", "Save to file (default to stdout).", "-o", "--output"));
        spec.addOption(Specs.flag("Pin image tags to digests (not supported yet: needs a registry client).",
                "--resolve-image-digests"));
        spec.addOption(Specs.flag("Produces an override file with image digests (not supported yet).",
                "--lock-image-digests"));
        spec.addOption(Specs.flag("Don't resolve service env files.", "--no-env-resolution"));
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..*").paramLabel("SERVICE")
                .type(List.class).auxiliaryTypes(String.class)
                .description("Services to render (enabled even when their profiles are not).").build());
        return new CommandLine(spec);
    }

    @Override
    public Integer call() {
        ParseResult args = spec.commandLine().getParseResult();
        refuseUnsupported(args);
        ComposeOptions options = ComposeOptions.effective(spec);
        List<String> selected = args.matchedPositionalValue(0, List.of());
        Listing listing = Listing.of(args);
        if (listing == Listing.VARIABLES) {
            return variables(options, selected, args);
        }
        boolean filter = listing.takesServices();
        if (listing == Listing.NONE && args.hasMatchedOption("--no-interpolate") && !selected.isEmpty()) {
            // docker compose renders the model read without interpolation, which it does not filter.
            spec.commandLine().getErr().println("berth: warning: service filtering is not applied when"
                    + " --no-interpolate is set, the full model will be rendered");
            filter = false;
        }
        List<String> services = filter ? selected : List.of();
        if (listing == Listing.HASH && !"*".equals(args.matchedOptionValue("--hash", "*"))) {
            // as docker compose: hash only the named services, so a broken env_file elsewhere does not matter
            services = List.of(args.matchedOptionValue("--hash", "*").split(","));
        }
        // docker compose reads env_files only where the output shows them: not for the name listings
        boolean resolveEnv = !args.hasMatchedOption("--no-env-resolution")
                && listing != Listing.SERVICES && listing != Listing.VOLUMES && listing != Listing.NETWORKS
                && listing != Listing.MODELS;
        Project project = load(options, services, args, !args.hasMatchedOption("--no-interpolate"), resolveEnv);
        if (listing == Listing.NONE) {
            return render(project, args);
        }
        if (!args.hasMatchedOption("--quiet")) {
            PrintWriter out = spec.commandLine().getOut();
            listing.lines(project, args).forEach(out::println);
        }
        return 0;
    }

    /** The listings, in docker compose's order of precedence when several are asked for. */
    private enum Listing {
        SERVICES("--services", false),
        VOLUMES("--volumes", false),
        NETWORKS("--networks", false),
        MODELS("--models", false),
        HASH("--hash", false),
        PROFILES("--profiles", true),
        IMAGES("--images", true),
        VARIABLES("--variables", false),
        ENVIRONMENT("--environment", true),
        NONE(null, true);

        private final String option;
        private final boolean takesServices;

        Listing(String option, boolean takesServices) {
            this.option = option;
            this.takesServices = takesServices;
        }

        static Listing of(ParseResult args) {
            for (Listing l : values()) {
                if (l.option != null && args.hasMatchedOption(l.option)
                        && !(l == HASH && args.matchedOptionValue("--hash", "").isEmpty())) {
                    return l;
                }
            }
            return NONE;
        }

        /** Whether {@code SERVICE...} restricts the project, as in docker compose (it does not for some). */
        boolean takesServices() {
            return takesServices;
        }

        List<String> lines(Project project, ParseResult args) {
            return switch (this) {
                case SERVICES -> ConfigListings.services(project);
                case VOLUMES -> ConfigListings.volumes(project);
                case NETWORKS -> ConfigListings.networks(project);
                case MODELS -> ConfigListings.models(project);
                case HASH -> ConfigListings.hashes(project, args.matchedOptionValue("--hash", "*"));
                case PROFILES -> ConfigListings.profiles(project);
                case IMAGES -> ConfigListings.images(project);
                case ENVIRONMENT -> ConfigListings.environment(project);
                case VARIABLES, NONE -> throw new IllegalStateException("not a list of names: " + this);
            };
        }
    }

    private static void refuseUnsupported(ParseResult args) {
        for (String flag : List.of("--resolve-image-digests", "--lock-image-digests")) {
            if (args.hasMatchedOption(flag)) {
                throw new BerthException(ErrorCategory.FAILED_PRECONDITION, flag, flag
                        + " is not supported yet: pinning images to digests needs a registry client, which this"
                        + " build does not include; run without it");
            }
        }
    }

    /** {@code --variables}: the variables of the whole model, read without interpolation, as a table or JSON. */
    private int variables(ComposeOptions options, List<String> selected, ParseResult args) {
        if (!selected.isEmpty()) {
            spec.commandLine().getErr().println("berth: warning: service filtering is not applied when --variables is"
                    + " set, variables from the full model will be rendered");
        }
        Project project = load(options, List.of(), args, false, false);
        Map<String, Variables.Variable> variables = Variables.extract(project.model());
        if (!args.hasMatchedOption("--quiet")) {
            spec.commandLine().getOut().print(VariablesTable.render(variables, args.matchedOptionValue("--format", null)));
        }
        return 0;
    }

    private Project load(ComposeOptions options, List<String> services, ParseResult args, boolean interpolate,
                         boolean resolveEnvironment) {
        LoadOptions load = options.toLoadOptions(ctx)
                .services(services)
                .interpolate(interpolate)
                .resolveEnvironment(resolveEnvironment)
                .normalize(!args.hasMatchedOption("--no-normalize"))
                .resolvePaths(!args.hasMatchedOption("--no-path-resolution"))
                .consistency(!args.hasMatchedOption("--no-consistency"))
                .build();
        Project project = ctx.loader().load(load);
        PrintWriter err = spec.commandLine().getErr();
        project.warnings().forEach(w -> err.println("berth: warning: " + w));
        return project;
    }

    private int render(Project project, ParseResult args) {
        if (args.hasMatchedOption("--quiet")) {
            return 0;
        }
        Format format = args.matchedOptionValue("--format", Format.yaml);
        String content = format == Format.json ? ConfigRenderer.json(project) : ConfigRenderer.yaml(project);
        if (!args.hasMatchedOption("--no-interpolate")) {
            // Interpolation consumed the "$$" escapes; print them again so the output is itself a valid input,
            // as docker compose does (it escapes the whole rendered text, after rendering).
            content = content.replace("$", "$$");
        }
        String output = args.matchedOptionValue("--output", null);
        if (output != null && !content.isEmpty()) {
            try {
                Files.writeString(ctx.workingDirectory().resolve(output), content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, output,
                        "cannot write " + output + ": " + e.getMessage() + "; choose another --output file", e);
            }
            return 0;
        }
        spec.commandLine().getOut().print(content);
        return 0;
    }
}
