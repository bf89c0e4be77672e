package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.dotenv.DotEnv;
import io.berth.compose.internal.merge.Merger;
import io.berth.compose.internal.transform.Paths;
import io.berth.compose.internal.tree.TreePath;
import io.berth.compose.internal.tree.Trees;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code include}: another compose project (its own project directory and env files) loaded on its own and its
 * services, networks, volumes, secrets and configs imported; a local definition of the same name is merged over
 * the imported one. Include cycles are an error that lists the chain.
 */
final class Includes {
    private static final List<String> RESOURCES = List.of("services", "volumes", "networks", "secrets", "configs",
            "models");

    private final FileLoader loader;
    private final FileSystem fs;

    Includes(FileLoader loader, FileSystem fs) {
        this.loader = loader;
        this.fs = fs;
    }

    void apply(String workingDir, Map<String, String> environment, Map<String, Object> model, LoadFlags flags,
               List<String> included, ResetPaths processor) {
        Object source = model.get("include");
        if (source == null) {
            return;
        }
        if (!(source instanceof List<?> entries)) {
            throw new ComposeException("include", "`include` must be a list, got " + Trees.sprint(source));
        }
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            Map<String, Object> r = new LinkedHashMap<>();
            if (entry instanceof String s) {
                r.put("path", s);
            } else if (entry instanceof Map<?, ?> m) {
                r = Trees.map(m);
            } else { // compose-go decodes include entries with mapstructure
                throw new ComposeException("include", "include: '[" + i + "]' expected a map or struct, got '"
                        + (entry == null ? "invalid" : entry instanceof List ? "slice" : entry instanceof Long ? "int"
                        : entry.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)) + "'");
            }
            include(r, workingDir, environment == null ? Map.of() : environment, model, flags, included, processor);
        }
        model.remove("include");
    }

    private void include(Map<String, Object> r, String workingDir, Map<String, String> environment,
                         Map<String, Object> model, LoadFlags flags, List<String> included, ResetPaths processor) {
        List<String> paths = stringList(r.get("path"));
        String projectDirectory = r.get("project_directory") == null ? "" : r.get("project_directory").toString();
        List<String> envFiles = stringList(r.get("env_file"));
        String relWorkingDir = null;
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            String local = Paths.isAbs(p) ? p : Paths.join(flags.resourceDir(), p);
            if (i == 0) {
                if (projectDirectory.isEmpty()) {
                    relWorkingDir = Extends.parent(local);
                    projectDirectory = relWorkingDir;
                } else if (!Paths.isAbs(projectDirectory)) {
                    projectDirectory = Paths.join(workingDir, projectDirectory);
                    relWorkingDir = projectDirectory;
                } else {
                    relWorkingDir = projectDirectory;
                }
                if (included.contains(local)) {
                    List<String> chain = new ArrayList<>(included);
                    chain.add(local);
                    throw new ComposeException(local, "include cycle detected:\n" + chain.get(0) + "\n include "
                            + String.join("\n include ", chain.subList(1, chain.size())));
                }
            }
            if (!fs.isFile(local)) {
                throw new ComposeException(local, "include " + p + ": open " + local
                        + ": no such file or directory (paths are relative to " + flags.resourceDir() + ")");
            }
            resolved.add(local);
        }
        List<String> files = new ArrayList<>();
        if (envFiles.isEmpty()) {
            String f = Paths.join(projectDirectory, ".env");
            if (fs.isFile(f)) {
                files.add(f);
            }
        } else {
            for (String f : envFiles) {
                if (f.equals("/dev/null")) {
                    continue;
                }
                if (!Paths.isAbs(f)) {
                    f = Paths.join(workingDir, f);
                    if (!fs.exists(f)) {
                        throw new ComposeException(f, "include env_file: stat " + f + ": no such file or directory");
                    }
                    if (fs.isDirectory(f)) {
                        throw new ComposeException(f, f + " is not a file");
                    }
                }
                files.add(f);
            }
        }
        // compose-go's GetEnvFromFile: a later env file overrides an earlier one; the environment wins over both
        Map<String, String> fromFiles = new LinkedHashMap<>();
        for (String f : files) {
            DotEnv.readInto(Path.of(f), environment::get, fromFiles);
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        fromFiles.forEach(env::putIfAbsent);
        List<ConfigFile> configFiles = new ArrayList<>();
        for (String f : resolved) {
            configFiles.add(new ConfigFile(f, fs.read(f)));
        }
        LoadFlags incFlags = flags.forInclude(projectDirectory).withLookup(env::get);
        Map<String, Object> imported = loader.loadModel(configFiles, relWorkingDir, env, incFlags,
                new ExtendsTracker(), included);
        importResources(imported, model, processor);
    }

    private static List<String> stringList(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(v.toString());
    }

    private static void importResources(Map<String, Object> source, Map<String, Object> target,
                                        ResetPaths processor) {
        for (String key : RESOURCES) {
            Object from = source.get(key);
            if (!(from instanceof Map<?, ?> fm)) {
                continue;
            }
            Map<String, Object> to = target.get(key) instanceof Map<?, ?> tm ? Trees.map(tm) : new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : Trees.map(fm).entrySet()) {
                String name = e.getKey();
                if (!to.containsKey(name)) {
                    to.put(name, e.getValue());
                    continue;
                }
                Map<String, Object> wrap = new LinkedHashMap<>();
                Map<String, Object> one = new LinkedHashMap<>();
                one.put(name, e.getValue());
                wrap.put(key, one);
                processor.apply(wrap);
                to.put(name, Merger.merge(e.getValue(), to.get(name), TreePath.of(key, name)));
            }
            target.put(key, to);
        }
    }
}
