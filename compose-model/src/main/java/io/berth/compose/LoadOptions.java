package io.berth.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@link ComposeLoader#load} reads and how. Build one with {@link #builder(Path, Map)}; the working
 * directory and the environment are always given explicitly (nothing here reads the process's globals).
 *
 * @param workingDirectory   the directory the command runs in (relative {@code -f} and {@code --env-file} paths
 *                           resolve against it)
 * @param environment        the process environment (highest precedence for interpolation)
 * @param files              {@code -f} values in order; {@code "-"} reads {@link #stdin}; empty means
 *                           {@code COMPOSE_FILE} or the default lookup
 * @param projectDirectory   {@code --project-directory}, or null for the directory of the first file
 * @param envFiles           {@code --env-file} values; empty means {@code COMPOSE_ENV_FILES} when set, else
 *                           {@code .env} in the project directory
 * @param profiles           {@code --profile} values; empty means {@code COMPOSE_PROFILES}
 * @param projectName        {@code -p}, or null
 * @param services           services named on the command line: enabled with their dependencies even when
 *                           their profiles are not active
 * @param stdin              supplies the content of {@code -f -}
 * @param interpolate        false for {@code --no-interpolate}
 * @param normalize          false for {@code --no-normalize}
 * @param resolvePaths       false for {@code --no-path-resolution}
 * @param consistency        false for {@code --no-consistency}
 * @param resolveEnvironment false for {@code --no-env-resolution}: env_file entries stay as they are, not read
 *                           into environment (docker compose also skips it for listings that do not need it)
 */
public record LoadOptions(
        Path workingDirectory,
        Map<String, String> environment,
        List<String> files,
        Path projectDirectory,
        List<String> envFiles,
        List<String> profiles,
        String projectName,
        List<String> services,
        Supplier<byte[]> stdin,
        boolean interpolate,
        boolean normalize,
        boolean resolvePaths,
        boolean consistency,
        boolean resolveEnvironment) {

    public LoadOptions {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        services = List.copyOf(services);
        Objects.requireNonNull(stdin, "stdin");
    }

    public static Builder builder(Path workingDirectory, Map<String, String> environment) {
        return new Builder(workingDirectory, environment);
    }

    /** Builder with compose's defaults: interpolate, normalize, resolve paths, check consistency. */
    public static final class Builder {
        private final Path workingDirectory;
        private final Map<String, String> environment;
        private List<String> files = List.of();
        private Path projectDirectory;
        private List<String> envFiles = List.of();
        private List<String> profiles = List.of();
        private String projectName;
        private List<String> services = List.of();
        private Supplier<byte[]> stdin = () -> new byte[0];
        private boolean interpolate = true;
        private boolean normalize = true;
        private boolean resolvePaths = true;
        private boolean consistency = true;
        private boolean resolveEnvironment = true;

        private Builder(Path workingDirectory, Map<String, String> environment) {
            this.workingDirectory = workingDirectory;
            this.environment = environment;
        }

        public Builder files(List<String> v) { this.files = v; return this; }
        public Builder projectDirectory(Path v) { this.projectDirectory = v; return this; }
        public Builder envFiles(List<String> v) { this.envFiles = v; return this; }
        public Builder profiles(List<String> v) { this.profiles = v; return this; }
        public Builder projectName(String v) { this.projectName = v; return this; }
        public Builder services(List<String> v) { this.services = v; return this; }
        public Builder stdin(Supplier<byte[]> v) { this.stdin = v; return this; }
        public Builder interpolate(boolean v) { this.interpolate = v; return this; }
        public Builder normalize(boolean v) { this.normalize = v; return this; }
        public Builder resolvePaths(boolean v) { this.resolvePaths = v; return this; }
        public Builder consistency(boolean v) { this.consistency = v; return this; }
        public Builder resolveEnvironment(boolean v) { this.resolveEnvironment = v; return this; }

        public LoadOptions build() {
            return new LoadOptions(workingDirectory, environment, files, projectDirectory, envFiles, profiles,
                    projectName, services, stdin, interpolate, normalize, resolvePaths, consistency,
                    resolveEnvironment);
        }
    }
}
