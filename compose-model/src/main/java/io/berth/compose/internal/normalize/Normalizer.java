package io.berth.compose.internal.normalize;

import io.berth.compose.internal.transform.Paths;
import io.berth.compose.internal.tree.Trees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compose's normalization of the merged tree: the default network for services that name none, build defaults
 * ({@code context: .}, {@code dockerfile: Dockerfile}), values of bare environment and build-arg names from the
 * project environment, implicit dependencies (links, {@code service:} namespaces, volumes_from), clean mount
 * targets, and resource names ({@code <project>_<key>} unless external or named).
 */
public final class Normalizer {
    private Normalizer() {
    }

    public static Map<String, Object> normalize(Map<String, Object> dict, Map<String, String> env) {
        normalizeNetworks(dict);
        if (dict.get("services") instanceof Map<?, ?> svcs) {
            for (Object s : svcs.values()) {
                if (s instanceof Map<?, ?> m) {
                    service(Trees.map(m), env);
                }
            }
        }
        setNameFromKey(dict);
        return dict;
    }

    private static void service(Map<String, Object> service, Map<String, String> env) {
        if ("if_not_present".equals(service.get("pull_policy"))) {
            service.put("pull_policy", "missing");
        }
        if (service.get("build") instanceof Map<?, ?> b) {
            Map<String, Object> build = Trees.map(b);
            if (build.get("context") == null) {
                build.put("context", ".");
            }
            if (build.get("dockerfile") == null && build.get("dockerfile_inline") == null) {
                build.put("dockerfile", "Dockerfile");
            }
            if (build.containsKey("args")) {
                build.put("args", resolve(build.get("args"), env, false));
            }
        }
        if (service.containsKey("environment")) {
            service.put("environment", resolve(service.get("environment"), env, true));
        }
        Map<String, Object> dependsOn = service.get("depends_on") instanceof Map<?, ?> d ? Trees.map(d)
                : new LinkedHashMap<>();
        if (service.get("links") instanceof List<?> links) {
            for (Object l : links) {
                String link = String.valueOf(l);
                String[] parts = link.split(":", -1);
                if (parts.length == 2) {
                    link = parts[0];
                }
                dependsOn.putIfAbsent(link, dependency(true));
            }
        }
        for (String ns : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
            if (service.get(ns) instanceof String ref && ref.startsWith("service:")) {
                dependsOn.putIfAbsent(ref.substring("service:".length()), dependency(true));
            }
        }
        if (service.get("volumes") instanceof List<?> vols) {
            for (Object v : vols) {
                if (v instanceof Map<?, ?> vol && vol.get("target") instanceof String t) {
                    Trees.map(vol).put("target", Paths.clean(t));
                }
            }
        }
        if (service.get("volumes_from") instanceof List<?> vf) {
            for (Object v : vf) {
                String vol = String.valueOf(v);
                if (!vol.startsWith("container:")) {
                    dependsOn.putIfAbsent(vol.split(":", -1)[0], dependency(false));
                }
            }
        }
        if (!dependsOn.isEmpty()) {
            service.put("depends_on", dependsOn);
        }
        if (service.get("pre_start") instanceof List<?> hooks && service.get("image") instanceof String image
                && !image.isEmpty()) {
            for (Object h : hooks) {
                if (h instanceof Map<?, ?> hook) {
                    Trees.map(hook).putIfAbsent("image", image);
                }
            }
        }
    }

    private static Map<String, Object> dependency(boolean restart) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("condition", "service_started");
        m.put("restart", restart);
        m.put("required", Boolean.TRUE);
        return m;
    }

    private static void normalizeNetworks(Map<String, Object> dict) {
        Map<String, Object> networks = dict.get("networks") instanceof Map<?, ?> n ? Trees.map(n)
                : new LinkedHashMap<>();
        boolean usesDefault = false;
        if (dict.get("services") instanceof Map<?, ?> svcs) {
            for (Object s : svcs.values()) {
                if (!(s instanceof Map<?, ?> sm)) {
                    continue;
                }
                Map<String, Object> service = Trees.map(sm);
                if (service.containsKey("provider") || service.containsKey("network_mode")) {
                    continue;
                }
                Object n = service.get("networks");
                if (!(n instanceof Map<?, ?> net) || net.isEmpty()) {
                    Map<String, Object> def = new LinkedHashMap<>();
                    def.put("default", null);
                    service.put("networks", def);
                    usesDefault = true;
                } else if (net.containsKey("default")) {
                    usesDefault = true;
                }
            }
        }
        if (!networks.containsKey("default") && usesDefault) {
            networks.put("default", null);
        }
        if (!networks.isEmpty()) {
            dict.put("networks", networks);
        }
    }

    /** Fills bare names ({@code FOO} or {@code FOO: null}) from the environment; keeps unset ones if asked. */
    static Object resolve(Object a, Map<String, String> env, boolean keepEmpty) {
        if (a instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object v : l) {
                if (v instanceof String s && !s.contains("=")) {
                    String val = env.get(s);
                    if (val != null) {
                        out.add(s + "=" + val);
                    } else if (keepEmpty) {
                        out.add(s);
                    }
                } else {
                    out.add(v);
                }
            }
            return out;
        }
        if (a instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = (String) e.getKey();
                if (e.getValue() != null) {
                    out.put(k, e.getValue());
                } else if (env.containsKey(k)) {
                    out.put(k, env.get(k));
                } else if (keepEmpty) {
                    out.put(k, null);
                }
            }
            return out;
        }
        return a;
    }

    private static void setNameFromKey(Map<String, Object> dict) {
        for (String r : List.of("networks", "volumes", "configs", "secrets")) {
            if (!(dict.get(r) instanceof Map<?, ?> top)) {
                continue;
            }
            Map<String, Object> toplevel = Trees.map(top);
            for (Map.Entry<String, Object> e : toplevel.entrySet()) {
                Map<String, Object> resource = e.getValue() instanceof Map<?, ?> m ? Trees.map(m)
                        : new LinkedHashMap<>();
                if (resource.get("name") == null) {
                    if (isTrue(resource.get("external"))) {
                        resource.put("name", e.getKey());
                    } else {
                        resource.put("name", dict.get("name") + "_" + e.getKey());
                    }
                }
                e.setValue(resource);
            }
        }
    }

    static boolean isTrue(Object x) {
        if (x == null) {
            return false;
        }
        return switch (Trees.sprint(x)) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            default -> false;
        };
    }
}
