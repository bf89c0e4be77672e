package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;
import io.berth.compose.LoadOptions;
import io.berth.compose.Project;
import io.berth.compose.internal.dotenv.DotEnvException;
import io.berth.compose.internal.interpolation.InterpolationException;
import io.berth.compose.internal.interpolation.Interpolator;
import io.berth.compose.internal.model.DecodeException;
import io.berth.compose.internal.model.ProjectDecoder;
import io.berth.compose.internal.normalize.Consistency;
import io.berth.compose.internal.normalize.Normalizer;
import io.berth.compose.internal.normalize.ProjectRules;
import io.berth.compose.internal.schema.SchemaValidator;
import io.berth.compose.internal.tree.TreePath;
import io.berth.compose.internal.tree.Trees;
import io.berth.compose.internal.yaml.SourceMap;
import io.berth.compose.internal.yaml.YamlDocument;
import io.berth.compose.internal.yaml.YamlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The loading pipeline, in compose's order: settle directory, environment, files and profiles
 * ({@link ProjectSetup}); choose the project name; read and merge the files ({@link FileLoader}); normalize;
 * decode through the model's types; apply profiles and checks; resolve env files; print forms.
 */
public final class Loader {
    /**
     * The compiled Compose schema. Compiling it is the largest fixed cost of a cold start (~25 ms interpreted),
     * so it starts on a daemon thread as soon as the loader exists and overlaps with reading and parsing the
     * files; the first validation waits for it.
     */
    private final FutureTask<SchemaValidator> schema = new FutureTask<>(SchemaValidator::compose);

    public Loader() {
        Thread t = new Thread(schema, "berth-schema-compile");
        t.setDaemon(true);
        t.start();
    }

    private SchemaValidator schema() {
        try {
            return schema.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the Compose schema", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the bundled Compose schema does not compile: " + e.getCause(), e.getCause());
        }
    }

    public Project load(LoadOptions options) {
        try {
            return loadProject(options);
        } catch (DotEnvException e) {
            throw new ComposeException(e.file(), e.getMessage(), e);
        }
    }

    private Project loadProject(LoadOptions options) {
        List<String> warnings = new ArrayList<>();
        FileSystem fs = new FileSystem(options.environment().get("HOME"));
        ProjectSetup setup = new ProjectSetup(options, fs, warnings);
        String workingDir = setup.workingDir();
        List<ConfigFile> files = setup.readConfigFiles();
        SourceMap sourceMap = new SourceMap();
        Map<String, String> env = setup.environment;
        Map<ConfigFile, List<YamlDocument>> parsed = new java.util.IdentityHashMap<>();
        String name = projectName(options, setup, files, env, workingDir, sourceMap, parsed);
        env.put("COMPOSE_PROJECT_NAME", name);

        LoadFlags flags = new LoadFlags(options.interpolate() ? env::get : null, workingDir, false, false, false,
                false, options.resolvePaths());
        FileLoader loader = new FileLoader(this::schema, sourceMap, fs, warnings, parsed);
        Map<String, Object> dict = loader.loadModel(files, workingDir, env, flags, new ExtendsTracker(), List.of());
        if (dict.isEmpty()) {
            throw new ComposeException(files.get(0).name(), "empty compose file: " + files.get(0).name()
                    + " defines nothing: add a `services:` section");
        }
        if (name.isEmpty()) {
            throw new ComposeException("project name", "project name must not be empty: use -p NAME or a "
                    + "top-level `name:`");
        }
        if (options.normalize()) {
            dict.put("name", name);
            Normalizer.normalize(dict, env);
        }
        if (!options.interpolate()) {
            return rawModel(name, workingDir, files, dict, env, warnings);
        }
        dict.remove("name");
        Map<String, Object> services = dict.get("services") instanceof Map<?, ?> m ? Trees.map(m)
                : new LinkedHashMap<>();
        dict.put("services", services);
        decodeChecked(dict, sourceMap, files.get(0).name());

        Map<String, Object> disabled = ProjectRules.applyProfiles(services, setup.profiles);
        if (options.consistency()) {
            Consistency.check(dict, services, disabled);
        }
        ProjectRules.select(services, disabled, options.services(), setup.profiles);
        ProjectRules.pruneUnused(dict, services);
        if (options.interpolate() && options.resolveEnvironment()) {
            ProjectRules.resolveEnvironment(services, env);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.putAll(dict);
        Map<String, Object> model = decodeChecked(out, sourceMap, files.get(0).name());
        Map<String, Object> json = ProjectDecoder.decode(out, true);
        Map<String, Object> disabledModel = new LinkedHashMap<>();
        disabled.forEach((k, v) -> disabledModel.put(k, ProjectDecoder.service(k, v, false)));
        List<String> composeFiles = files.stream().map(ConfigFile::name).toList();
        return new Project(name, Path.of(workingDir), composeFiles, Trees.map(Trees.freeze(model)),
                Trees.map(Trees.freeze(json)), Trees.map(Trees.freeze(disabledModel)), Map.copyOf(env), warnings);
    }

    /**
     * {@code --no-interpolate}: as docker compose, the merged model itself (not decoded through the model's types,
     * since values may still hold {@code ${VAR}}), keys sorted as Go prints maps; no profiles, no checks.
     */
    private static Project rawModel(String name, String workingDir, List<ConfigFile> files, Map<String, Object> dict,
                                    Map<String, String> env, List<String> warnings) {
        Map<String, Object> sorted = Trees.map(sortedCopy(dict));
        Map<String, Object> frozen = Trees.map(Trees.freeze(sorted));
        List<String> composeFiles = files.stream().map(ConfigFile::name).toList();
        return new Project(name, Path.of(workingDir), composeFiles, frozen, frozen, Map.of(), Map.copyOf(env),
                warnings);
    }

    private static Object sortedCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, x) -> out.put((String) k, sortedCopy(x)));
            return new LinkedHashMap<>(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(sortedCopy(x)));
            return out;
        }
        return v;
    }

    private static Map<String, Object> decodeChecked(Map<String, Object> dict, SourceMap sourceMap, String file) {
        try {
            return ProjectDecoder.decode(dict, false);
        } catch (DecodeException e) {
            TreePath p = new TreePath(Arrays.asList(e.path().split("\\.")));
            throw new ComposeException(sourceMap.describe(p, file), sourceMap.describe(p, file) + ": "
                    + e.getMessage(), e);
        }
    }

    /** docker compose's precedence: -p, COMPOSE_PROJECT_NAME, top-level name:, the directory name. */
    private static String projectName(LoadOptions options, ProjectSetup setup, List<ConfigFile> files,
                                      Map<String, String> env, String workingDir, SourceMap sourceMap,
                                      Map<ConfigFile, List<YamlDocument>> parsed) {
        String imperative = null;
        if (options.projectName() != null && !options.projectName().isEmpty()) {
            imperative = options.projectName();
        } else if (env.get("COMPOSE_PROJECT_NAME") != null && !env.get("COMPOSE_PROJECT_NAME").isEmpty()) {
            imperative = env.get("COMPOSE_PROJECT_NAME");
        }
        if (imperative != null) {
            if (!Normalizing.projectName(imperative).equals(imperative)) {
                throw Normalizing.invalidProjectName(imperative);
            }
            return imperative;
        }
        String fromFile = "";
        // docker compose names the project after its directory only when no file's first document has a name:
        // a name that interpolates or normalizes to nothing leaves the project without one
        boolean namedInYaml = false;
        for (ConfigFile f : files) {
            try {
                List<YamlDocument> docs = YamlReader.read(f.content(), f.name(), sourceMap);
                parsed.put(f, docs); // read once: the file loader takes these instead of parsing again
                if (!docs.isEmpty() && docs.get(0).tree().get("name") != null
                        && !docs.get(0).tree().get("name").toString().isEmpty()) {
                    namedInYaml = true;
                }
                for (YamlDocument d : docs) {
                    Object n = d.tree().get("name");
                    if (n != null && !n.toString().isEmpty()) {
                        fromFile = n.toString();
                    }
                }
            } catch (ComposeException e) {
                // the real parse reports it, with its position
            }
        }
        if (options.interpolate() && !fromFile.isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", fromFile);
            try {
                fromFile = String.valueOf(Interpolator.interpolate(m, env::get).get("name"));
            } catch (InterpolationException e) {
                // compose-go interpolates the name before reading the files, so its message names no file
                throw new ComposeException("name", e.kind() == InterpolationException.Kind.INVALID_TEMPLATE
                        ? e.composeGoMessage() : "error while interpolating name: " + e.getMessage(), e);
            }
        }
        if (options.normalize()) {
            fromFile = Normalizing.projectName(fromFile);
        }
        if (!fromFile.isEmpty() || namedInYaml) {
            return fromFile;
        }
        return Normalizing.projectName(Path.of(workingDir).getFileName() == null ? ""
                : Path.of(workingDir).getFileName().toString());
    }
}
