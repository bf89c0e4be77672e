package io.berth.compose.internal.normalize;

import io.berth.compose.ComposeException;
import io.berth.compose.ErrorCategory;
import io.berth.compose.internal.dotenv.DotEnv;
import io.berth.compose.internal.tree.Trees;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What compose does to a loaded project before printing or running it: profiles switch services off, services
 * named on the command line are switched on with their dependencies, resources no enabled service uses are
 * dropped, env_file and label_file contents are merged into environment and labels.
 */
public final class ProjectRules {
    private ProjectRules() {
    }

    /** Moves services whose profiles are all inactive from {@code services} into the returned map. */
    public static Map<String, Object> applyProfiles(Map<String, Object> services, List<String> profiles) {
        Map<String, Object> disabled = new LinkedHashMap<>();
        services.entrySet().removeIf(e -> {
            if (hasProfile(e.getValue(), profiles)) {
                return false;
            }
            disabled.put(e.getKey(), e.getValue());
            return true;
        });
        return disabled;
    }

    static boolean hasProfile(Object service, List<String> profiles) {
        Object p = service instanceof Map<?, ?> m ? m.get("profiles") : null;
        if (!(p instanceof List<?> own) || own.isEmpty()) {
            return true;
        }
        for (String active : profiles) {
            if (active.equals("*") || own.contains(active)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Enables the named services (adding their profiles) and keeps only them and their dependencies.
     */
    public static void select(Map<String, Object> services, Map<String, Object> disabled, List<String> names,
                              List<String> profiles) {
        if (names.isEmpty()) {
            return;
        }
        List<String> active = new ArrayList<>(profiles);
        for (String n : names) {
            if (!services.containsKey(n) && disabled.get(n) instanceof Map<?, ?> d
                    && d.get("profiles") instanceof List<?> ps) {
                ps.forEach(p -> active.add(String.valueOf(p)));
            }
        }
        services.putAll(disabled);
        disabled.clear();
        disabled.putAll(applyProfiles(services, active));
        Set<String> keep = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (!keep.add(n)) {
                continue;
            }
            Object s = services.get(n);
            if (s == null) {
                throw new ComposeException(ErrorCategory.NOT_FOUND, "service " + n, "no such service: " + n);
            }
            if (Trees.map(s).get("depends_on") instanceof Map<?, ?> deps) {
                for (Map.Entry<?, ?> e : deps.entrySet()) {
                    boolean required = !(e.getValue() instanceof Map<?, ?> c) || !Boolean.FALSE.equals(c.get("required"));
                    if (services.containsKey((String) e.getKey()) || required) {
                        todo.add((String) e.getKey());
                    }
                }
            }
        }
        services.entrySet().removeIf(e -> {
            if (keep.contains(e.getKey())) {
                return false;
            }
            disabled.put(e.getKey(), e.getValue());
            return true;
        });
        // compose-go's WithServicesDisabled: kept services lose their dependencies on services left out
        for (Object s : services.values()) {
            Map<String, Object> svc = Trees.map(s);
            if (svc.get("depends_on") instanceof Map<?, ?> deps) {
                deps.keySet().removeIf(k -> !keep.contains(k));
                if (deps.isEmpty()) {
                    svc.remove("depends_on");
                }
            }
        }
    }

    /** Drops networks, volumes, secrets, configs and models that no enabled service uses. */
    public static void pruneUnused(Map<String, Object> dict, Map<String, Object> services) {
        Set<String> networks = new LinkedHashSet<>();
        Set<String> volumes = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> configs = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        for (Object o : services.values()) {
            Map<String, Object> s = Trees.map(o);
            if (s.get("networks") instanceof Map<?, ?> n) {
                n.keySet().forEach(k -> networks.add((String) k));
            }
            for (Object v : list(s.get("volumes"))) {
                Map<String, Object> vol = Trees.map(v);
                if ("volume".equals(vol.get("type")) && vol.get("source") != null && !"".equals(vol.get("source"))) {
                    volumes.add(String.valueOf(vol.get("source")));
                }
            }
            list(s.get("secrets")).forEach(x -> secrets.add(String.valueOf(Trees.map(x).get("source"))));
            if (s.get("build") instanceof Map<?, ?> b) {
                list(b.get("secrets")).forEach(x -> secrets.add(String.valueOf(Trees.map(x).get("source"))));
            }
            list(s.get("configs")).forEach(x -> configs.add(String.valueOf(Trees.map(x).get("source"))));
            if (s.get("models") instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> models.add((String) k));
            }
        }
        retain(dict, "networks", networks);
        retain(dict, "volumes", volumes);
        retain(dict, "secrets", secrets);
        retain(dict, "configs", configs);
        retain(dict, "models", models);
    }

    private static void retain(Map<String, Object> dict, String key, Set<String> used) {
        if (dict.get(key) instanceof Map<?, ?> m) {
            Trees.map(m).keySet().retainAll(used);
            if (m.isEmpty()) {
                dict.remove(key);
            }
        }
    }

    /**
     * Resolves each service's environment: unset values from the project environment, then env_file contents
     * under what the service sets itself; env_file entries are dropped. Same for label_file under labels.
     */
    public static void resolveEnvironment(Map<String, Object> services, Map<String, String> projectEnv) {
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> s = Trees.map(e.getValue());
            Map<String, Object> own = asMapping(s.get("environment"));
            own.replaceAll((k, v) -> v == null && projectEnv.containsKey(k) ? projectEnv.get(k) : v);
            Map<String, Object> result = new LinkedHashMap<>();
            if (s.get("env_file") instanceof List<?> files) {
                Map<String, String> fromFiles = new LinkedHashMap<>();
                own.forEach((k, v) -> {
                    if (v != null) {
                        fromFiles.put(k, v.toString());
                    }
                });
                for (Object f : files) {
                    Map<String, Object> ef = Trees.map(f);
                    String path = String.valueOf(ef.get("path"));
                    boolean required = !Boolean.FALSE.equals(ef.get("required"));
                    if (!Files.exists(Path.of(path))) {
                        if (required) {
                            throw new ComposeException(ErrorCategory.NOT_FOUND, "service " + e.getKey(),
                                    "env file " + path + " not found: stat " + path + ": no such file or directory"
                                            + " (service \"" + e.getKey() + "\", env_file): create it or mark it "
                                            + "`required: false`");
                        }
                        continue;
                    }
                    // parsed into what is already known, so a file sees the earlier files' variables
                    java.util.function.Function<String, String> lookup = k -> {
                        if (projectEnv.containsKey(k)) {
                            return projectEnv.get(k);
                        }
                        Object v = own.get(k);
                        return v == null ? null : v.toString();
                    };
                    Object format = ef.get("format");
                    if (format == null || "".equals(format) || ".env".equals(format)) {
                        DotEnv.readInto(Path.of(path), lookup, fromFiles);
                    } else if ("raw".equals(format)) { // registered by the docker compose CLI
                        DotEnv.readRawInto(Path.of(path), lookup, fromFiles);
                    } else {
                        throw new ComposeException("service " + e.getKey(), "unsupported env_file format \""
                                + format + "\" (service \"" + e.getKey() + "\"): use raw or leave format out");
                    }
                }
                result.putAll(fromFiles);
                s.remove("env_file");
            }
            result.putAll(own);
            if (!result.isEmpty() || s.containsKey("environment")) {
                s.put("environment", result);
            }
            if (s.get("label_file") != null) {
                Map<String, Object> labels = new LinkedHashMap<>();
                List<Object> lf = s.get("label_file") instanceof String str ? List.of(str) : list(s.get("label_file"));
                for (Object f : lf) {
                    String path = String.valueOf(f);
                    if (!Files.exists(Path.of(path))) {
                        throw new ComposeException(ErrorCategory.NOT_FOUND, "service " + e.getKey(),
                                "label file " + path + " not found: stat " + path + ": no such file or directory"
                                        + " (service \"" + e.getKey() + "\", label_file)");
                    }
                    labels.putAll(DotEnv.read(Path.of(path), k -> labels.get(k) == null ? null
                            : labels.get(k).toString()));
                }
                labels.putAll(asMapping(s.get("labels")));
                if (!labels.isEmpty()) {
                    s.put("labels", labels);
                }
                s.remove("label_file");
            }
        }
    }

    private static Map<String, Object> asMapping(Object v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put((String) k, x == null ? null : Trees.sprint(x)));
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                String s = Trees.sprint(o);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return out;
    }

    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? Trees.list(l) : List.of();
    }
}
