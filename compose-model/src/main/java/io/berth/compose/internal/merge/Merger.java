package io.berth.compose.internal.merge;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.tree.TreePath;
import io.berth.compose.internal.tree.Trees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges one compose tree over another with compose's per-field rules: mappings merge key by key, sequences
 * append (then {@link Unicity} folds entries with the same key: ports, volumes by target, environment by
 * name...), scalars are replaced; some fields have rules of their own (command and entrypoint replace,
 * environment and labels merge as {@code KEY=value} lists, networks and depends_on merge as mappings whatever
 * syntax each side uses, a logging driver change drops the old options, build strings become contexts).
 */
public final class Merger {
    private interface Rule {
        Object merge(Object base, Object over, TreePath path);
    }

    private record Special(TreePath.Pattern pattern, Rule rule) {
    }

    private static final List<Special> SPECIALS = new ArrayList<>();

    static {
        special("networks.*.ipam.config", Merger::mergeIpamConfig);
        for (String p : List.of("networks.*.labels", "volumes.*.labels", "services.*.annotations",
                "services.*.build.args", "services.*.build.additional_contexts", "services.*.build.labels",
                "services.*.deploy.labels", "services.*.dns", "services.*.dns_opt", "services.*.dns_search",
                "services.*.env_file", "services.*.label_file", "services.*.environment", "services.*.labels",
                "services.*.volumes.*.volume.labels", "services.*.sysctls", "services.*.tmpfs")) {
            special(p, (b, o, path) -> mergeToSequence(b, o));
        }
        special("services.*.build", Merger::mergeBuild);
        special("services.*.build.extra_hosts", (b, o, p) -> mergeExtraHosts(b, o));
        special("services.*.extra_hosts", (b, o, p) -> mergeExtraHosts(b, o));
        special("services.*.command", (b, o, p) -> o);
        special("services.*.entrypoint", (b, o, p) -> o);
        special("services.*.healthcheck.test", (b, o, p) -> o);
        special("services.*.depends_on", Merger::mergeDependsOn);
        special("services.*.logging", Merger::mergeLogging);
        special("services.*.models", (b, o, p) -> mergeMappings(toMapping(b, null), toMapping(o, null), p));
        special("services.*.networks", (b, o, p) -> mergeMappings(toMapping(b, null), toMapping(o, null), p));
        special("services.*.ulimits.*", Merger::mergeUlimit);
    }

    private static void special(String pattern, Rule rule) {
        SPECIALS.add(new Special(TreePath.Pattern.of(pattern), rule));
    }

    private Merger() {
    }

    /** Merges {@code over} into {@code base} (both mutable; base is changed and returned). */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        return Trees.map(merge(base, over, TreePath.ROOT));
    }

    /** Merges at a given path (used by extends and include, which merge single resources). */
    public static Object merge(Object base, Object over, TreePath path) {
        for (Special s : SPECIALS) {
            if (path.matches(s.pattern())) {
                return s.rule().merge(base, over, path);
            }
        }
        if (over == null) {
            return base;
        }
        if (base instanceof Map<?, ?> bm) {
            if (!(over instanceof Map<?, ?> om)) {
                throw new ComposeException(path.toString(), "cannot override " + path
                        + ": a mapping cannot be replaced by a " + kind(over));
            }
            return mergeMappings(Trees.map(bm), Trees.map(om), path);
        }
        if (base instanceof List<?> bl) {
            if (!(over instanceof List<?> ol)) {
                throw new ComposeException(path.toString(), "cannot override " + path
                        + ": a sequence cannot be replaced by a " + kind(over));
            }
            List<Object> out = new ArrayList<>(Trees.list(bl));
            out.addAll(ol);
            return out;
        }
        return over;
    }

    private static String kind(Object v) {
        return v instanceof Map ? "mapping" : v instanceof List ? "sequence" : "scalar";
    }

    static Map<String, Object> mergeMappings(Map<String, Object> base, Map<String, Object> over, TreePath path) {
        if (base == null) {
            return over;
        }
        if (over == null) {
            return base;
        }
        for (Map.Entry<String, Object> e : over.entrySet()) {
            String k = e.getKey();
            if (!base.containsKey(k)) {
                base.put(k, e.getValue());
                continue;
            }
            base.put(k, merge(base.get(k), e.getValue(), path.next(k)));
        }
        return base;
    }

    private static Object mergeLogging(Object b, Object o, TreePath path) {
        Map<String, Object> base = Trees.map(b);
        Map<String, Object> over = Trees.map(o);
        if (base == null || over == null) {
            return over == null ? base : over;
        }
        Object d = over.get("driver");
        Object bd = base.get("driver");
        if (!over.containsKey("driver") || !base.containsKey("driver") || java.util.Objects.equals(d, bd)) {
            return mergeMappings(base, over, path);
        }
        return over;
    }

    private static Object mergeBuild(Object b, Object o, TreePath path) {
        return mergeMappings(toBuild(b), toBuild(o), path);
    }

    private static Map<String, Object> toBuild(Object v) {
        if (v instanceof String s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("context", s);
            return m;
        }
        return Trees.map(v);
    }

    private static Object mergeDependsOn(Object b, Object o, TreePath path) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("condition", "service_started");
        def.put("required", Boolean.TRUE);
        return mergeMappings(toMapping(b, def), toMapping(o, def), path);
    }

    /** compose-go merges the override with itself here, so an ulimit is replaced as a whole, never merged. */
    private static Object mergeUlimit(Object b, Object o, TreePath path) {
        return o;
    }

    private static Object mergeExtraHosts(Object b, Object o) {
        List<Object> base = toSequence(b);
        List<Object> out = new ArrayList<>(base);
        for (Object v : toSequence(o)) {
            if (!base.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static Object mergeToSequence(Object b, Object o) {
        List<Object> out = new ArrayList<>(toSequence(b));
        out.addAll(toSequence(o));
        return out;
    }

    /** A mapping as a sorted list of {@code key=value} (or bare key for null values), as compose-go does. */
    public static List<Object> toSequence(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> seq = new ArrayList<>();
            m.forEach((k, x) -> {
                if (x == null) {
                    seq.add((String) k);
                } else if (x instanceof List<?> l) {
                    l.forEach(e -> seq.add(k + "=" + Trees.sprint(e)));
                } else {
                    seq.add(k + "=" + Trees.sprint(x));
                }
            });
            seq.sort(null);
            return new ArrayList<>(seq);
        }
        if (v instanceof List<?> l) {
            return Trees.list(l);
        }
        if (v instanceof String s) {
            return new ArrayList<>(List.of(s));
        }
        return new ArrayList<>();
    }

    static Map<String, Object> toMapping(Object v, Map<String, Object> defaultValue) {
        if (v instanceof Map<?, ?> m) {
            return Trees.map(m);
        }
        if (v instanceof List<?> l) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object s : l) {
                out.put(String.valueOf(s), defaultValue == null ? null : new LinkedHashMap<>(defaultValue));
            }
            return out;
        }
        return null;
    }

    private static Object mergeIpamConfig(Object b, Object o, TreePath path) {
        if (!(b instanceof List<?> configs) || !(o instanceof List<?> overrides)) {
            throw new ComposeException(path.toString(), path + ": unexpected type for ipam config: expected a list");
        }
        List<Object> out = new ArrayList<>();
        for (Object original : configs) {
            Map<String, Object> right = toMapping(original, null);
            for (Object ov : overrides) {
                Map<String, Object> left = toMapping(ov, null);
                if (!java.util.Objects.equals(left.get("subnet"), right.get("subnet"))) {
                    if (out.stream().noneMatch(a -> java.util.Objects.equals(Trees.map(a).get("subnet"),
                            left.get("subnet")))) {
                        out.add(left);
                        continue;
                    }
                }
                Map<String, Object> merged = mergeMappings(right, left, path);
                int idx = -1;
                for (int i = 0; i < out.size(); i++) {
                    if (java.util.Objects.equals(Trees.map(out.get(i)).get("subnet"), merged.get("subnet"))) {
                        idx = i;
                        break;
                    }
                }
                if (idx >= 0) {
                    out.set(idx, merged);
                } else {
                    out.add(merged);
                }
            }
        }
        return out;
    }
}
