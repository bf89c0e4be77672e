package io.berth.compose.internal.load;

import io.berth.compose.internal.tree.Trees;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills values from the project environment: bare names in list-form service environments, and the content of
 * secrets and configs declared with {@code environment:}.
 */
final class EnvironmentResolver {
    static final String SECRET_VALUE = "x-#value";

    private EnvironmentResolver() {
    }

    static void resolve(Map<String, Object> dict, Map<String, String> env) {
        if (env == null) {
            return;
        }
        Map<String, Object> services = FileLoader.services(dict);
        if (services != null) {
            for (Object s : services.values()) {
                if (s instanceof Map<?, ?> svc && svc.get("environment") instanceof List<?> l) {
                    List<Object> out = new ArrayList<>();
                    for (Object e : l) {
                        if (e instanceof String name) {
                            String v = env.get(name);
                            out.add(v != null ? name + "=" + v : name);
                        }
                    }
                    Trees.map(svc).put("environment", out);
                }
            }
        }
        fileObjects(dict.get("secrets"), env, SECRET_VALUE);
        fileObjects(dict.get("configs"), env, "content");
    }

    private static void fileObjects(Object section, Map<String, String> env, String key) {
        if (section instanceof Map<?, ?> m) {
            for (Object o : m.values()) {
                if (o instanceof Map<?, ?> obj && obj.get("environment") instanceof String name
                        && env.containsKey(name)) {
                    Trees.map(obj).put(key, env.get(name));
                }
            }
        }
    }
}
