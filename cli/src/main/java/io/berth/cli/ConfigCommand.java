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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth config} and {@code berth compose config}: load the compose files and print the canonical model, or
 * one of its listings. Flags, precedence between listings and output follow {@code docker compose config}.
 */
@Command(name = "config", description = "Parse, resolve and render compose file in canonical format",
        sortOptions = false)
final class ConfigCommand implements Callable<Integer> {
    /** {@code --format} values. */
    enum Format { yaml, json }

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ComposeOptions compose;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output. Values: [yaml | json].")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration, don't print anything.")
    boolean quiet;

    @Option(names = "--services", description = "Print the service names, one per line.")
    boolean services;

    @Option(names = "--volumes", description = "Print the volume names, one per line.")
    boolean volumes;

    @Option(names = "--networks", description = "Print the network names, one per line.")
    boolean networks;

    @Option(names = "--models", description = "Print the model names, one per line.")
    boolean models;

    @Option(names = "--profiles", description = "Print the profile names, one per line.")
    boolean profiles;

    @Option(names = "--images", description = "Print the image names, one per line.")
    boolean images;

    @Option(names = "--hash", paramLabel = "SERVICES",
            description = "Print the service config hash, one per line ('*' for all, or svc1,svc2).")
    String hash;

    @Option(names = "--environment", description = "Print environment used for interpolation.")
    boolean environment;

    @Option(names = "--no-interpolate", description = "Don't interpolate environment variables.")
    boolean noInterpolate;

    @Option(names = "--no-normalize", description = "Don't normalize compose model.")
    boolean noNormalize;

    @Option(names = "--no-path-resolution", description = "Don't resolve file paths.")
    boolean noPathResolution;

    @Option(names = "--no-consistency",
            description = "Don't check model consistency - warning: may produce invalid Compose output.")
    boolean noConsistency;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save to file (default to stdout).")
    String output;

    @Option(names = "--resolve-image-digests",
            description = "Pin image tags to digests (not supported yet: needs a registry client).")
    boolean resolveImageDigests;

    @Option(names = "--lock-image-digests",
            description = "Produces an override file with image digests (not supported yet: needs a registry client).")
    boolean lockImageDigests;

    @Option(names = "--no-env-resolution",
            description = "Don't resolve service env files (not supported yet).")
    boolean noEnvResolution;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Services to render (enabled even when their profiles are not).")
    List<String> selected = new ArrayList<>();

    ConfigCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        refuseUnsupported();
        ComposeOptions options = compose.effective(spec);
        PrintWriter out = spec.commandLine().getOut();
        // Same precedence as docker compose when several listings are asked for.
        if (services) {
            return print(ConfigListings.services(load(options, List.of())), out);
        } else if (volumes) {
            return print(ConfigListings.volumes(load(options, List.of())), out);
        } else if (networks) {
            return print(ConfigListings.networks(load(options, List.of())), out);
        } else if (models) {
            return print(ConfigListings.models(load(options, List.of())), out);
        } else if (hash != null && !hash.isEmpty()) {
            return print(ConfigListings.hashes(load(options, List.of()), hash), out);
        } else if (profiles) {
            return print(ConfigListings.profiles(load(options, selected)), out);
        } else if (images) {
            return print(ConfigListings.images(load(options, selected)), out);
        } else if (environment) {
            return print(ConfigListings.environment(load(options, selected)), out);
        }
        return render(load(options, selected), out);
    }

    private void refuseUnsupported() {
        if (resolveImageDigests || lockImageDigests) {
            String flag = resolveImageDigests ? "--resolve-image-digests" : "--lock-image-digests";
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, flag, flag
                    + " is not supported yet: pinning images to digests needs a registry client, which this build"
                    + " does not include; run without it");
        }
        if (noEnvResolution) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "--no-env-resolution",
                    "--no-env-resolution is not supported yet: env_file entries are always resolved into"
                            + " environment; run without it");
        }
    }

    private Project load(ComposeOptions options, List<String> services) {
        LoadOptions load = options.toLoadOptions(ctx)
                .services(services)
                .interpolate(!noInterpolate)
                .normalize(!noNormalize)
                .resolvePaths(!noPathResolution)
                .consistency(!noConsistency)
                .build();
        Project project = ctx.loader().load(load);
        PrintWriter err = spec.commandLine().getErr();
        project.warnings().forEach(w -> err.println("berth: warning: " + w));
        return project;
    }

    private int print(List<String> lines, PrintWriter out) {
        if (!quiet) {
            lines.forEach(out::println);
        }
        return 0;
    }

    private int render(Project project, PrintWriter out) {
        if (quiet) {
            return 0;
        }
        String content = format == Format.json ? ConfigRenderer.json(project) : ConfigRenderer.yaml(project);
        if (!noInterpolate) {
            // Interpolation consumed the "$$" escapes; print them again so the output is itself a valid input,
            // as docker compose does (it escapes the whole rendered text, after rendering).
            content = content.replace("$", "$$");
        }
        if (output != null && !content.isEmpty()) {
            Path file = ctx.workingDirectory().resolve(output);
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, output,
                        "cannot write " + output + ": " + e.getMessage() + "; choose another --output file", e);
            }
            return 0;
        }
        out.print(content);
        return 0;
    }
}
