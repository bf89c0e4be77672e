package io.berth.compose.internal.merge;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.transform.VolumeParser;
import io.berth.compose.internal.tree.TreePath;
import io.berth.compose.internal.tree.Trees;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After a merge, folds sequence entries that denote the same thing into one, the later winning in place of the
 * earlier: ports by {@code ip:published:target/proto}, volumes and devices by target, secrets and configs by
 * target, environment, labels and the like by key.
 */
public final class Unicity {
    private interface Indexer {
        String key(Object entry, TreePath path);
    }

    private record Rule(TreePath.Pattern pattern, Indexer indexer) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        for (String p : List.of("networks.*.labels", "networks.*.ipam.options", "services.*.annotations",
                "services.*.build.args", "services.*.build.additional_contexts", "services.*.build.platform",
                "services.*.build.tags", "services.*.build.labels", "services.*.cap_add", "services.*.cap_drop",
                "services.*.deploy.labels", "services.*.dns", "services.*.dns_opt", "services.*.dns_search",
                "services.*.environment", "services.*.labels", "services.*.links",
                "services.*.networks.*.aliases", "services.*.networks.*.link_local_ips", "services.*.profiles",
                "services.*.sysctls", "services.*.tmpfs")) {
            rule(p, Unicity::keyValue);
        }
        rule("services.*.configs", mount(""));
        rule("services.*.secrets", mount("/run/secrets"));
        rule("services.*.env_file", Unicity::envFile);
        rule("services.*.expose", Unicity::expose);
        rule("services.*.ports", Unicity::port);
        rule("services.*.volumes", Unicity::volume);
        rule("services.*.devices", Unicity::device);
    }

    private static void rule(String pattern, Indexer indexer) {
        RULES.add(new Rule(TreePath.Pattern.of(pattern), indexer));
    }

    private Unicity() {
    }

    public static Map<String, Object> enforce(Map<String, Object> tree) {
        return Trees.map(enforce(tree, TreePath.ROOT));
    }

    private static Object enforce(Object value, TreePath path) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = Trees.map(m);
            for (Map.Entry<String, Object> e : map.entrySet()) {
                e.setValue(enforce(e.getValue(), path.next(e.getKey())));
            }
            return map;
        }
        if (value instanceof List<?> l) {
            for (Rule r : RULES) {
                if (path.matches(r.pattern())) {
                    List<Object> seq = new ArrayList<>();
                    Map<String, Integer> keys = new HashMap<>();
                    for (int i = 0; i < l.size(); i++) {
                        Object entry = l.get(i);
                        String key = r.indexer().key(entry, path.next("[" + i + "]")); // compose-go names items a.b.[0]
                        Integer j = keys.get(key);
                        if (j != null) {
                            seq.set(j, entry);
                        } else {
                            seq.add(entry);
                            keys.put(key, seq.size() - 1);
                        }
                    }
                    return seq;
                }
            }
        }
        return value;
    }

    private static String keyValue(Object v, TreePath path) {
        if (v instanceof String s) {
            int eq = s.indexOf('=');
            return eq >= 0 ? s.substring(0, eq) : s;
        }
        // compose-go refuses anything else, before schema validation
        throw new ComposeException(path.toString(), path + ": unexpected type " + typeName(v));
    }

    private static String typeName(Object v) {
        return v == null ? "<nil>" : v instanceof Map ? "map[string]interface {}" : v instanceof List
                ? "[]interface {}" : v instanceof Long || v instanceof Integer ? "int" : v instanceof Double
                ? "float64" : v instanceof Boolean ? "bool" : v.getClass().getSimpleName();
    }

    private static String volume(Object v, TreePath path) {
        if (v instanceof Map<?, ?> m) {
            if (!(m.get("target") instanceof String t)) {
                throw new ComposeException(path.toString(), "service volume " + path + " is missing a mount target");
            }
            return t;
        }
        if (v instanceof String s) {
            try {
                return (String) VolumeParser.parse(s).get("target");
            } catch (IllegalArgumentException e) {
                throw new ComposeException(path.toString(), path + ": " + e.getMessage());
            }
        }
        return "";
    }

    private static String device(Object v, TreePath path) {
        if (v instanceof Map<?, ?> m) {
            if (!(m.get("target") instanceof String t)) {
                throw new ComposeException(path.toString(), "service device " + path + " is missing a mount target");
            }
            return t;
        }
        if (v instanceof String s) {
            String[] arr = s.split(":", -1);
            return arr.length == 1 ? arr[0] : arr[1];
        }
        return "";
    }

    private static String expose(Object v, TreePath path) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        throw new ComposeException(path.toString(), path + ": unsupported expose value " + goVerb('s', v));
    }

    private static Indexer mount(String defaultPath) {
        return (v, path) -> {
            if (v instanceof String s) {
                return defaultPath + "/" + s;
            }
            if (v instanceof Map<?, ?> m) {
                Object t = m.get("target");
                if (t != null) {
                    return t.toString();
                }
                return defaultPath + "/" + m.get("source");
            }
            // sic: compose-go's mount indexer reuses the expose message
            throw new ComposeException(path.toString(), path + ": unsupported expose value " + goVerb('s', v));
        };
    }

    private static String port(Object v, TreePath path) {
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            Object target = m.get("target");
            if (target == null) {
                throw new ComposeException(path.toString(), "service ports " + path + " is missing a target port");
            }
            Object host = m.containsKey("host_ip") ? m.get("host_ip") : "0.0.0.0";
            Object protocol = m.containsKey("protocol") ? m.get("protocol") : "tcp";
            // compose-go formats "%s:%s:%d/%s": a published port given as a number does not match its string form
            return goVerb('s', host) + ":" + goVerb('s', m.get("published")) + ":" + goVerb('d', target) + "/"
                    + goVerb('s', protocol);
        }
        if (v instanceof String s) {
            return s;
        }
        return "";
    }

    /** Go's fmt of one operand with %s or %d, including its {@code %!s(int=8080)} form for a mismatched type. */
    private static String goVerb(char verb, Object v) {
        if (v == null) {
            return "%!" + verb + "(<nil>)";
        }
        boolean number = v instanceof Long || v instanceof Integer;
        if (verb == 's' ? v instanceof String : number) {
            return v.toString();
        }
        String type = number ? "int" : v instanceof Double ? "float64" : v instanceof Boolean ? "bool"
                : v instanceof String ? "string" : v instanceof List ? "[]interface {}" : "map[string]interface {}";
        return "%!" + verb + "(" + type + "=" + Trees.sprint(v) + ")";
    }

    private static String envFile(Object v, TreePath path) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Map<?, ?> m) {
            Object p = m.get("path");
            if (p == null) {
                throw new ComposeException(path.toString(), "environment path attribute " + path + " is missing");
            }
            return p.toString();
        }
        return "";
    }
}
