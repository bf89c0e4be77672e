package io.berth.compose.internal.model;

import io.berth.compose.internal.tree.Trees;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes the canonical tree through the compose model's types into what {@code docker compose config} prints:
 * JSON form (no {@code x-*} inside objects, {@code command: null}) or YAML/model form (extensions kept).
 *
 * @throws DecodeException when a value cannot have its field's type
 */
public final class ProjectDecoder {
    private ProjectDecoder() {
    }

    public static Map<String, Object> decode(Map<String, Object> dict, boolean json) {
        DecodeOptions o = new DecodeOptions(json);
        Map<String, Object> out = new LinkedHashMap<>();
        if (dict.get("name") != null) {
            out.put("name", dict.get("name"));
        }
        out.put("services", services(dict.get("services"), o));
        section(out, dict, "networks", ModelTypes.NETWORK, o);
        section(out, dict, "volumes", ModelTypes.VOLUME, o);
        section(out, dict, "secrets", ModelTypes.SECRET, o);
        section(out, dict, "configs", ModelTypes.CONFIG, o);
        if (!json) {
            section(out, dict, "models", ModelTypes.MODEL, o);
        }
        dict.forEach((k, v) -> {
            if (k.startsWith("x-")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Decodes one service (canonical form) to its model form, for a single-service view. */
    public static Map<String, Object> service(String name, Object service, boolean json) {
        return Trees.map(ModelTypes.SERVICE.decode(service, "services." + name, new DecodeOptions(json)));
    }

    private static Map<String, Object> services(Object v, DecodeOptions o) {
        Map<String, Object> out = new TreeMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, s) -> {
                Object d = ModelTypes.SERVICE.decode(s == null ? Map.of() : s, "services." + k, o);
                out.put((String) k, d == Kind.OMIT ? new LinkedHashMap<>() : d);
            });
        }
        return new LinkedHashMap<>(out);
    }

    private static void section(Map<String, Object> out, Map<String, Object> dict, String key, StructKind kind,
                                DecodeOptions o) {
        if (!(dict.get(key) instanceof Map<?, ?> m) || m.isEmpty()) {
            return;
        }
        Map<String, Object> res = new TreeMap<>();
        m.forEach((k, v) -> {
            Object d = kind.decode(v, key + "." + k, o);
            if (d instanceof Map<?, ?> dm && "configs".equals(key) && dm.containsKey("environment")) {
                Trees.map(dm).remove("content");
            }
            res.put((String) k, d == Kind.OMIT ? new LinkedHashMap<>() : d);
        });
        out.put(key, new LinkedHashMap<>(res));
    }
}
