package io.berth.compose.internal.transform;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.tree.TreePath;
import io.berth.compose.internal.tree.Trees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites short syntax into the long form, field by field, as compose does after each file is merged: ports
 * and volumes into mappings, build strings into contexts, depends_on lists into conditions, networks lists into
 * mappings, secrets and configs into mounts, env_file into path/required entries, and so on.
 */
public final class Canonical {
    private interface Fn {
        Object apply(Object data, TreePath path, boolean ignoreParseError);
    }

    private record Rule(TreePath.Pattern pattern, Fn fn) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        rule("services.*", (d, p, i) -> d instanceof Map<?, ?> m ? mapping(Trees.map(m), p, i) : d);
        rule("services.*.build.secrets.*", Canonical::fileMount);
        rule("services.*.build.provenance", (d, p, i) -> d instanceof String ? d : Trees.sprint(d));
        rule("services.*.build.sbom", (d, p, i) -> d instanceof String ? d : Trees.sprint(d));
        rule("services.*.build.additional_contexts", Canonical::keyValue);
        rule("services.*.depends_on", Canonical::dependsOn);
        rule("services.*.env_file", Canonical::envFile);
        rule("services.*.label_file", Canonical::stringOrList);
        rule("services.*.extends", stringAs("service", true));
        rule("services.*.gpus", (d, p, i) -> {
            if (d instanceof List<?> l) {
                return sequence(Trees.list(l), p, i);
            }
            if (d instanceof String) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("count", "all");
                return new ArrayList<>(List.of(m));
            }
            throw new ComposeException(p.toString(), p + ": invalid type for gpus");
        });
        rule("services.*.networks", Canonical::sliceToMap);
        rule("services.*.models", Canonical::sliceToMap);
        rule("services.*.volumes.*", Canonical::volumeMount);
        rule("services.*.dns", Canonical::stringOrList);
        rule("services.*.devices.*", Canonical::deviceMapping);
        rule("services.*.secrets.*", Canonical::fileMount);
        rule("services.*.configs.*", Canonical::fileMount);
        rule("services.*.ports", Canonical::ports);
        rule("services.*.build", stringAs("context", true));
        rule("services.*.build.ssh", Canonical::ssh);
        rule("services.*.develop.watch.*.ignore", Canonical::stringOrList);
        rule("services.*.develop.watch.*.include", Canonical::stringOrList);
        rule("volumes.*", Canonical::maybeExternal);
        rule("networks.*", Canonical::maybeExternal);
        rule("secrets.*", Canonical::maybeExternal);
        rule("configs.*", Canonical::maybeExternal);
        rule("include.*", stringAs("path", false));
    }

    /** The short form is a string standing for one key of the long form ({@code build: ./dir} is a context). */
    private static Fn stringAs(String key, boolean transformMapping) {
        return (d, p, i) -> {
            if (d instanceof String s) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(key, s);
                return m;
            }
            return transformMapping && d instanceof Map<?, ?> m ? mapping(Trees.map(m), p, i) : d;
        };
    }

    private static void rule(String pattern, Fn fn) {
        RULES.add(new Rule(TreePath.Pattern.of(pattern), fn));
    }

    private Canonical() {
    }

    /**
     * @param ignoreParseError keep unparseable short syntax as it is (used with {@code --no-interpolate}, where a
     *                         port may still be {@code ${PORT}:80})
     */
    public static Map<String, Object> apply(Map<String, Object> tree, boolean ignoreParseError) {
        return Trees.map(transform(tree, TreePath.ROOT, ignoreParseError));
    }

    static Object transform(Object data, TreePath path, boolean ignore) {
        for (Rule r : RULES) {
            if (path.matches(r.pattern())) {
                return r.fn().apply(data, path, ignore);
            }
        }
        if (data instanceof Map<?, ?> m) {
            return mapping(Trees.map(m), path, ignore);
        }
        if (data instanceof List<?> l) {
            return sequence(Trees.list(l), path, ignore);
        }
        return data;
    }

    private static Object mapping(Map<String, Object> m, TreePath path, boolean ignore) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            e.setValue(transform(e.getValue(), path.next(e.getKey()), ignore));
        }
        return m;
    }

    private static Object sequence(List<Object> l, TreePath path, boolean ignore) {
        for (int i = 0; i < l.size(); i++) {
            l.set(i, transform(l.get(i), path.next(i), ignore));
        }
        return l;
    }

    private static Object stringOrList(Object d, TreePath p, boolean i) {
        return d instanceof String s ? new ArrayList<>(List.of(s)) : d;
    }

    private static Object sliceToMap(Object d, TreePath p, boolean i) {
        if (d instanceof List<?> l) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Object o : l) {
                m.put(String.valueOf(o), null);
            }
            return m;
        }
        return d;
    }

    private static Object keyValue(Object d, TreePath p, boolean ignore) {
        if (d instanceof Map) {
            return d;
        }
        if (d instanceof List<?> l) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Object e : l) {
                String s = String.valueOf(e);
                int eq = s.indexOf('=');
                if (eq < 0) {
                    if (ignore) {
                        return d;
                    }
                    throw new ComposeException(p.toString(), p + ": invalid value " + s + ", expected key=value");
                }
                m.put(s.substring(0, eq), s.substring(eq + 1));
            }
            return m;
        }
        throw new ComposeException(p.toString(), p + ": invalid type, expected a mapping or a list");
    }

    private static Object dependsOn(Object d, TreePath p, boolean ignore) {
        if (d instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> dep)) {
                    throw new ComposeException(p.toString(), p + "." + e.getKey() + ": unsupported value "
                            + Trees.sprint(e.getValue()) + ": expected a mapping with condition/required/restart");
                }
                Map<String, Object> dm = Trees.map(dep);
                dm.putIfAbsent("condition", "service_started");
                dm.putIfAbsent("required", Boolean.TRUE);
            }
            return d;
        }
        if (d instanceof List<?> l) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object k : l) {
                Map<String, Object> dep = new LinkedHashMap<>();
                dep.put("condition", "service_started");
                dep.put("required", Boolean.TRUE);
                out.put(String.valueOf(k), dep);
            }
            return out;
        }
        throw new ComposeException(p.toString(), p + ": invalid type for depends_on: expected a list or a mapping");
    }

    private static Object envFile(Object d, TreePath p, boolean ignore) {
        if (d instanceof String s) {
            return new ArrayList<>(List.of(envFileValue(s)));
        }
        if (d instanceof List<?> l) {
            List<Object> list = Trees.list(l);
            for (int k = 0; k < list.size(); k++) {
                list.set(k, envFileValue(list.get(k)));
            }
            return list;
        }
        throw new ComposeException(p.toString(), p + ": invalid type for env_file: expected a string or a list");
    }

    private static Object envFileValue(Object v) {
        if (v instanceof String s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", s);
            m.put("required", Boolean.TRUE);
            return m;
        }
        if (v instanceof Map<?, ?> m) {
            Trees.map(m).putIfAbsent("required", Boolean.TRUE);
            return m;
        }
        return null;
    }

    private static Object fileMount(Object d, TreePath p, boolean i) {
        if (d instanceof Map) {
            return d;
        }
        if (d instanceof String s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", s);
            return m;
        }
        throw new ComposeException(p.toString(), p + ": unsupported type: expected a name or a mapping");
    }

    private static Object volumeMount(Object d, TreePath p, boolean ignore) {
        if (d instanceof Map) {
            return d;
        }
        if (d instanceof String s) {
            try {
                Map<String, Object> v = VolumeParser.parse(s);
                Object t = v.get("target");
                if (t instanceof String ts && !ts.isEmpty()) {
                    v.put("target", Paths.clean(ts));
                }
                return v;
            } catch (IllegalArgumentException e) {
                if (ignore) {
                    return s;
                }
                throw new ComposeException(p.toString(), p + ": " + e.getMessage());
            }
        }
        throw new ComposeException(p.toString(), p + ": invalid type for service volume mount");
    }

    private static Object deviceMapping(Object d, TreePath p, boolean ignore) {
        if (d instanceof Map) {
            return d;
        }
        if (d instanceof String s) {
            String[] arr = s.split(":", -1);
            String src = "";
            String dst = "";
            String perms = "rwm";
            switch (arr.length) {
                case 3 -> {
                    perms = arr[2];
                    dst = arr[1];
                    src = arr[0];
                }
                case 2 -> {
                    dst = arr[1];
                    src = arr[0];
                }
                case 1 -> src = arr[0];
                default -> {
                    if (!ignore) {
                        throw new ComposeException(p.toString(),
                                "confusing device mapping, please use long syntax: " + s);
                    }
                }
            }
            if (dst.isEmpty()) {
                dst = src;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", src);
            m.put("target", dst);
            m.put("permissions", perms);
            return m;
        }
        throw new ComposeException(p.toString(), p + ": invalid type for device mapping");
    }

    private static Object ports(Object d, TreePath p, boolean ignore) {
        if (!(d instanceof List<?> entries)) {
            throw new ComposeException(p.toString(), p + ": invalid type for ports: expected a list");
        }
        List<Object> out = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Long || entry instanceof Integer || entry instanceof String) {
                try {
                    out.addAll(PortParser.parse(entry.toString()));
                } catch (IllegalArgumentException e) {
                    if (ignore && entry instanceof String) {
                        return d;
                    }
                    throw new ComposeException(p.toString(), p + ": invalid port \"" + entry + "\": "
                            + e.getMessage());
                }
            } else if (entry instanceof Map) {
                out.add(entry);
            } else {
                String type = entry instanceof Double ? "float64" : entry instanceof Boolean ? "bool"
                        : entry == null ? "<nil>" : "[]interface {}";
                throw new ComposeException(p.toString(), p + ": invalid type " + type + " for port: "
                        + Trees.sprint(entry)); // compose-go: "%s: invalid type %T for port"
            }
        }
        return out;
    }

    private static Object ssh(Object d, TreePath p, boolean i) {
        if (d instanceof Map) {
            return d;
        }
        if (d instanceof List<?> l) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object e : l) {
                if (!(e instanceof String s)) {
                    throw new ComposeException(p.toString(), p + ": invalid ssh key type");
                }
                int eq = s.indexOf('=');
                if (eq < 0) {
                    if (!s.equals("default")) {
                        throw new ComposeException(p.toString(), p + ": invalid ssh key \"" + s + "\"");
                    }
                    out.put(s, null);
                } else {
                    out.put(s.substring(0, eq), s.substring(eq + 1));
                }
            }
            return out;
        }
        if (d instanceof String s) {
            return ssh(new ArrayList<>(List.of(s)), p, i);
        }
        throw new ComposeException(p.toString(), p + ": invalid type for ssh");
    }

    private static Object maybeExternal(Object d, TreePath p, boolean ignore) {
        if (d == null) {
            return null;
        }
        if (!(d instanceof Map<?, ?> m)) {
            return d;
        }
        Map<String, Object> resource = Trees.map(mapping(Trees.map(m), p, ignore));
        if (resource.get("external") instanceof Map<?, ?> ext) {
            resource.put("external", Boolean.TRUE);
            if (ext.containsKey("name")) {
                Object extName = ext.get("name");
                if (resource.containsKey("name")) {
                    if (!java.util.Objects.equals(extName, resource.get("name"))) {
                        throw new ComposeException(p.toString(), p + ": name and external.name conflict; only use name");
                    }
                } else {
                    resource.put("name", extName);
                }
            }
        }
        return resource;
    }
}
