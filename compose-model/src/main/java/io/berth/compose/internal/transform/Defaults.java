package io.berth.compose.internal.transform;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.tree.TreePath;
import io.berth.compose.internal.tree.Trees;

import java.util.List;
import java.util.Map;

/**
 * Default values compose fills in once all files are merged: build context {@code .}, secret mount targets
 * under {@code /run/secrets}, port protocol and mode, device request count {@code all}, bind
 * {@code create_host_path: true}.
 */
public final class Defaults {
    private Defaults() {
    }

    public static Map<String, Object> apply(Map<String, Object> tree) {
        Object services = tree.get("services");
        if (!(services instanceof Map<?, ?> svcs)) {
            return tree;
        }
        for (Map.Entry<String, Object> e : Trees.map(svcs).entrySet()) {
            if (e.getValue() instanceof Map<?, ?> s) {
                service(Trees.map(s), TreePath.of("services", e.getKey()));
            }
        }
        return tree;
    }

    private static void service(Map<String, Object> s, TreePath path) {
        if (s.get("build") instanceof Map<?, ?> b) {
            Trees.map(b).putIfAbsent("context", ".");
        }
        forEach(s.get("secrets"), m -> m.putIfAbsent("target", "/run/secrets/" + m.get("source")));
        forEach(s.get("ports"), m -> {
            m.putIfAbsent("protocol", "tcp");
            m.putIfAbsent("mode", "ingress");
        });
        forEach(s.get("gpus"), Defaults::deviceRequest);
        if (s.get("deploy") instanceof Map<?, ?> d && d.get("resources") instanceof Map<?, ?> r
                && r.get("reservations") instanceof Map<?, ?> res) {
            forEach(res.get("devices"), Defaults::deviceRequest);
        }
        forEach(s.get("volumes"), v -> {
            if (v.containsKey("bind")) {
                Object bind = v.get("bind");
                if (bind == null) {
                    bind = new java.util.LinkedHashMap<String, Object>();
                    v.put("bind", bind);
                }
                if (!(bind instanceof Map<?, ?> bm)) {
                    throw new ComposeException(path + ".volumes", path + ".volumes: invalid type for service volume bind");
                }
                Trees.map(bm).putIfAbsent("create_host_path", Boolean.TRUE);
            }
        });
    }

    private static void deviceRequest(Map<String, Object> m) {
        if (!m.containsKey("count") && !m.containsKey("device_ids")) {
            m.put("count", "all");
        }
    }

    private static void forEach(Object list, java.util.function.Consumer<Map<String, Object>> fn) {
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    fn.accept(Trees.map(m));
                }
            }
        }
    }
}
