package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.interpolation.InterpolationException;
import io.berth.compose.internal.interpolation.Interpolator;
import io.berth.compose.internal.merge.Merger;
import io.berth.compose.internal.merge.Unicity;
import io.berth.compose.internal.schema.SchemaValidator;
import io.berth.compose.internal.schema.SchemaViolation;
import io.berth.compose.internal.transform.Canonical;
import io.berth.compose.internal.transform.Defaults;
import io.berth.compose.internal.tree.TreePath;
import io.berth.compose.internal.tree.Trees;
import io.berth.compose.internal.yaml.SourceMap;
import io.berth.compose.internal.yaml.YamlDocument;
import io.berth.compose.internal.yaml.YamlReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a set of compose files into one merged, canonical tree, as compose-go's loader does file by file: parse
 * each YAML document, interpolate, apply {@code include} and {@code extends}, merge into what the earlier files
 * built, fold duplicates, validate the result against the schema (naming the file), rewrite short syntax.
 */
final class FileLoader {
    private final Supplier<SchemaValidator> schema;
    private final SourceMap sourceMap;
    private final FileSystem fs;
    private final List<String> warnings;

    /** Top-level files already parsed (to find the project name), taken once instead of parsing again. */
    private final Map<ConfigFile, List<YamlDocument>> parsed;

    FileLoader(Supplier<SchemaValidator> schema, SourceMap sourceMap, FileSystem fs, List<String> warnings) {
        this(schema, sourceMap, fs, warnings, new java.util.IdentityHashMap<>());
    }

    FileLoader(Supplier<SchemaValidator> schema, SourceMap sourceMap, FileSystem fs, List<String> warnings,
               Map<ConfigFile, List<YamlDocument>> parsed) {
        this.parsed = parsed;
        this.schema = schema;
        this.sourceMap = sourceMap;
        this.fs = fs;
        this.warnings = warnings;
    }

    /** compose-go's loadYamlModel: every file, then defaults, checks, path resolution, environment. */
    Map<String, Object> loadModel(List<ConfigFile> files, String workingDir, Map<String, String> env,
                                  LoadFlags flags, ExtendsTracker tracker, List<String> included) {
        Map<String, Object> dict = new LinkedHashMap<>();
        for (ConfigFile f : files) {
            dict = loadFile(f, flags, workingDir, env, tracker, dict, included).dict();
        }
        if (!flags.skipDefaults()) {
            Defaults.apply(dict);
        }
        if (!flags.skipValidation()) {
            Checks.validate(dict);
        }
        if (flags.resolvePaths()) {
            new PathResolver(workingDir, fs.home()).resolve(dict);
        }
        EnvironmentResolver.resolve(dict, env);
        return dict;
    }

    record FileResult(Map<String, Object> dict, ResetPaths reset) {
    }

    FileResult loadFile(ConfigFile file, LoadFlags flags, String workingDir, Map<String, String> env,
                        ExtendsTracker tracker, Map<String, Object> dict, List<String> included) {
        List<YamlDocument> docs = parsed.remove(file);
        if (docs == null) {
            docs = YamlReader.read(file.content(), file.name(), sourceMap);
        }
        ResetPaths reset = ResetPaths.NONE;
        for (YamlDocument doc : docs) {
            reset = new ResetPaths(doc.resetPaths());
            dict = processDocument(file, doc.tree(), reset, flags, workingDir, env, tracker, dict, included);
        }
        return new FileResult(dict, reset);
    }

    private Map<String, Object> processDocument(ConfigFile file, Map<String, Object> raw, ResetPaths reset,
                                                LoadFlags flags, String workingDir, Map<String, String> env,
                                                ExtendsTracker tracker, Map<String, Object> dict,
                                                List<String> included) {
        Map<String, Object> cfg = raw;
        if (flags.lookup() != null) {
            cfg = interpolate(file.name(), cfg, flags);
        }
        if (!flags.skipInclude()) {
            List<String> inc = new ArrayList<>(included);
            inc.add(file.name());
            new Includes(this, fs).apply(workingDir, env, cfg, flags, inc, reset);
        }
        reset.apply(dict);
        if (!flags.skipExtends()) {
            new Extends(this, fs, file.name()).apply(cfg, flags, tracker, reset);
        }
        dict = Merger.merge(dict, cfg);
        try {
            dict = Unicity.enforce(dict);
        } catch (ComposeException e) {
            throw located(e, file.name());
        }
        if (!flags.skipValidation()) {
            List<SchemaViolation> violations = schema.get().validate(dict);
            if (!violations.isEmpty()) {
                SchemaViolation v = violations.get(0);
                TreePath p = new TreePath(v.path().stream().map(String::valueOf).toList());
                throw new ComposeException(sourceMap.describe(p, file.name()),
                        "validating " + where(p, file.name()) + ": " + v.describe());
            }
            if (dict.containsKey("version")) {
                warnings.add(file.name() + ": the attribute `version` is obsolete, it will be ignored, "
                        + "please remove it to avoid potential confusion");
                dict.remove("version");
            }
        }
        try {
            dict = Canonical.apply(dict, flags.lookup() == null);
        } catch (ComposeException e) {
            throw located(e, file.name());
        }
        OmitEmpty.apply(dict);
        return Unicity.enforce(dict);
    }

    private Map<String, Object> interpolate(String fileName, Map<String, Object> cfg, LoadFlags flags) {
        try {
            return Interpolator.interpolate(cfg, flags.lookup(), w -> {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            });
        } catch (InterpolationException e) {
            TreePath p = e.path() == null ? TreePath.ROOT
                    : new TreePath(e.path().stream().map(String::valueOf).toList());
            String what = e.kind() == InterpolationException.Kind.INVALID_TEMPLATE ? e.composeGoMessage()
                    : "error while interpolating " + p + ": " + e.getMessage();
            throw new ComposeException(sourceMap.describe(p, fileName), where(p, fileName) + ": " + what, e);
        }
    }

    /** Adds the file, line and column of the field a short-syntax error is about (its object is the field path). */
    private ComposeException located(ComposeException e, String fileName) {
        String object = e.object();
        if (object == null || object.isEmpty() || object.contains("/")) {
            return e;
        }
        List<String> segments = new ArrayList<>();
        for (String seg : object.split("\\.")) {
            segments.add(seg.startsWith("[") && seg.endsWith("]") ? seg.substring(1, seg.length() - 1) : seg);
        }
        SourceMap.Position pos = sourceMap.find(new TreePath(segments));
        if (pos == null || !pos.file().equals(fileName)) {
            return e;
        }
        return new ComposeException(pos.toString(), pos + ": " + e.getMessage(), e);
    }

    /** {@code file:line:col} of a path, for messages; the file name alone when the path has no position. */
    String where(TreePath p, String fileName) {
        SourceMap.Position pos = sourceMap.find(p);
        return pos != null ? pos.toString() : fileName;
    }

    SourceMap sourceMap() {
        return sourceMap;
    }

    static Map<String, Object> services(Map<String, Object> dict) {
        Object s = dict.get("services");
        return s instanceof Map<?, ?> m ? Trees.map(m) : null;
    }
}
