package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;
import io.berth.compose.ErrorCategory;
import io.berth.compose.LoadOptions;
import io.berth.compose.internal.dotenv.DotEnv;
import io.berth.compose.internal.transform.Paths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What docker compose settles before it reads a compose file: the project directory, the environment (the
 * process environment over {@code --env-file}s or {@code .env}), which files to read ({@code -f},
 * {@code COMPOSE_FILE}, or the default names searched upwards from the working directory) and the profiles.
 */
final class ProjectSetup {
    static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yml",
            "docker-compose.yaml");
    static final List<String> DEFAULT_OVERRIDES = List.of("compose.override.yml", "compose.override.yaml",
            "docker-compose.override.yml", "docker-compose.override.yaml");

    final String cwd;
    final String projectDirectory;
    final Map<String, String> environment = new LinkedHashMap<>();
    final List<String> configPaths = new ArrayList<>();
    final List<String> profiles = new ArrayList<>();
    final List<String> warnings;
    private final FileSystem fs;
    private final LoadOptions options;
    /** The process environment plus the COMPOSE_* variables docker compose exports from the env files first. */
    private final Map<String, String> processEnv = new LinkedHashMap<>();

    ProjectSetup(LoadOptions options, FileSystem fs, List<String> warnings) {
        this.options = options;
        this.fs = fs;
        this.warnings = warnings;
        this.cwd = options.workingDirectory().toAbsolutePath().normalize().toString();
        this.projectDirectory = options.projectDirectory() == null ? null : abs(options.projectDirectory().toString());
        environment.putAll(options.environment());
        environment.putIfAbsent("PWD", cwd); // docker compose adds PWD only when the process has none
        for (String f : options.files()) {
            configPaths.add(f.equals("-") ? f : abs(f));
        }
        processEnv.putAll(options.environment());
        // docker compose's pre-run (setEnvWithDotEnv) exports the env files' COMPOSE_* variables to the process
        // environment before loading anything: a COMPOSE_DISABLE_ENV_FILE there disables the env file itself
        readEnvFiles().forEach((k, v) -> {
            if (k.startsWith("COMPOSE_") && !processEnv.containsKey(k)) {
                processEnv.put(k, v);
                environment.putIfAbsent(k, v);
            }
        });
        loadEnvFiles();
        if (configPaths.isEmpty()) {
            configFileEnv();
        }
        if (configPaths.isEmpty()) {
            defaultConfigPath();
        }
        loadEnvFiles();
        if (!options.profiles().isEmpty()) {
            profiles.addAll(options.profiles());
        } else {
            for (String s : environment.getOrDefault("COMPOSE_PROFILES", "").split(",", -1)) {
                profiles.add(s.trim());
            }
        }
    }

    private String abs(String p) {
        return Paths.isAbs(p) ? Paths.clean(p) : Paths.join(cwd, p);
    }

    /** The project's working directory: --project-directory, else the first file's directory, else cwd. */
    String workingDir() {
        if (projectDirectory != null) {
            return projectDirectory;
        }
        for (String p : configPaths) {
            if (!p.equals("-")) {
                return Extends.parent(p);
            }
        }
        return cwd;
    }

    private void loadEnvFiles() {
        readEnvFiles().forEach(environment::putIfAbsent);
    }

    private Map<String, String> readEnvFiles() {
        List<String> files = new ArrayList<>();
        List<String> explicit = options.envFiles();
        String fromVariable = options.environment().get("COMPOSE_ENV_FILES");
        if (explicit.isEmpty() && fromVariable != null && !fromVariable.isEmpty()) {
            // docker compose: COMPOSE_ENV_FILES (process environment, comma-separated) stands for --env-file
            explicit = java.util.Arrays.stream(fromVariable.split(",")).filter(f -> !f.isEmpty()).toList();
        }
        if (!explicit.isEmpty()) {
            // docker compose expands a leading ~ of --env-file values (paths.ExpandUser), then makes them absolute
            explicit.forEach(f -> files.add(abs(f.startsWith("~") && fs.home() != null
                    ? Paths.join(fs.home(), f.substring(1)) : f)));
        } else {
            // docker compose reads this one from the process environment only (see processEnv)
            String disable = processEnv.get("COMPOSE_DISABLE_ENV_FILE");
            if (disable != null && Normalizing.parseBool(disable)) {
                return Map.of();
            }
            String dotEnv = Paths.join(workingDir(), ".env");
            if (fs.isFile(dotEnv)) {
                files.add(dotEnv);
            }
        }
        Map<String, String> fromFiles = new LinkedHashMap<>();
        for (String f : files) {
            if (!fs.exists(f)) {
                throw new ComposeException(ErrorCategory.NOT_FOUND, f, "couldn't find env file: " + f);
            }
            if (fs.isDirectory(f)) {
                throw new ComposeException(f, "env file " + f + " is a directory, not a file");
            }
            // compose-go's GetEnvFromFile: the environment first, then what earlier files (and lines) set
            DotEnv.readInto(Path.of(f), environment::get, fromFiles);
        }
        return fromFiles;
    }

    private void configFileEnv() {
        String f = environment.get("COMPOSE_FILE");
        if (f == null) {
            return;
        }
        String sep = environment.getOrDefault("COMPOSE_PATH_SEPARATOR", "");
        if (sep.isEmpty()) {
            sep = ":";
        }
        for (String p : f.split(java.util.regex.Pattern.quote(sep), -1)) {
            if (p.equals("-")) {
                configPaths.add(p);
                continue;
            }
            String a = abs(p);
            if (!fs.exists(a)) {
                throw new ComposeException(ErrorCategory.NOT_FOUND, a, "open " + a + ": no such file or directory"
                        + " (named by COMPOSE_FILE): fix COMPOSE_FILE or the .env file that sets it");
            }
            configPaths.add(a);
        }
    }

    private void defaultConfigPath() {
        String dir = projectDirectory != null ? projectDirectory : cwd;
        while (true) {
            List<String> candidates = find(DEFAULT_FILES, dir);
            if (!candidates.isEmpty()) {
                if (candidates.size() > 1) {
                    warnings.add("Found multiple config files with supported names: " + String.join(", ", candidates)
                            + "\nUsing " + candidates.get(0));
                }
                configPaths.add(candidates.get(0));
                List<String> overrides = find(DEFAULT_OVERRIDES, dir);
                if (!overrides.isEmpty()) {
                    if (overrides.size() > 1) {
                        warnings.add("Found multiple override files with supported names: "
                                + String.join(", ", overrides) + "\nUsing " + overrides.get(0));
                    }
                    configPaths.add(overrides.get(0));
                }
                return;
            }
            String parent = Extends.parent(dir);
            if (parent.equals(dir)) {
                return;
            }
            dir = parent;
        }
    }

    private List<String> find(List<String> names, String dir) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String f = Paths.join(dir, n);
            if (fs.exists(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Reads each config file (stdin for {@code -}). */
    List<ConfigFile> readConfigFiles() {
        if (configPaths.isEmpty()) {
            throw new ComposeException(ErrorCategory.NOT_FOUND, cwd, "no configuration file provided: not found "
                    + "(looked for " + String.join(", ", DEFAULT_FILES) + " in " + cwd
                    + " and its parents): use -f FILE, or run from a directory that has one");
        }
        List<ConfigFile> out = new ArrayList<>();
        for (String p : configPaths) {
            if (p.equals("-")) {
                out.add(new ConfigFile("-", new String(options.stdin().get(), java.nio.charset.StandardCharsets.UTF_8)));
            } else {
                out.add(new ConfigFile(p, fs.read(p)));
            }
        }
        return out;
    }
}
