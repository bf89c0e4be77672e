package io.berth.compose.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A struct of the compose model: known fields in their declared order, each with its {@link Kind}. Unknown keys
 * are dropped (as compose-go's decoder ignores them); {@code x-*} keys are kept only when the options ask.
 */
final class StructKind implements Kind {
    private record Field(String name, Kind kind, Presence presence) {
    }

    /** What is printed when the field is absent from the input. */
    enum Presence {
        /** nothing (omitempty) */
        OPTIONAL,
        /** null in JSON (Go fields without omitempty whose zero value is null) */
        NULL_IN_JSON,
        /** an empty object in JSON (non-pointer struct fields) */
        EMPTY_IN_JSON,
        /** the zero value of the struct, decoded, in JSON (non-pointer struct fields with non-omitted fields) */
        ZERO_IN_JSON
    }

    private final List<Field> fields = new ArrayList<>();
    private final Map<String, Field> byName = new LinkedHashMap<>();
    private final boolean printEmpty;

    StructKind() {
        this(false);
    }

    /** @param printEmpty print {} rather than omit when nothing is set (non-pointer struct fields) */
    StructKind(boolean printEmpty) {
        this.printEmpty = printEmpty;
    }

    StructKind f(String name, Kind kind) {
        return f(name, kind, Presence.OPTIONAL);
    }

    StructKind f(String name, Kind kind, Presence presence) {
        Field f = new Field(name, kind, presence);
        fields.add(f);
        byName.put(name, f);
        return this;
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    @Override
    public Object decode(Object value, String path, DecodeOptions options) {
        if (value == null) {
            return printEmpty && options.json() ? new LinkedHashMap<>() : Kind.OMIT;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw Kinds.fail(path, "a mapping", value);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : fields) {
            String p = path.isEmpty() ? f.name() : path + "." + f.name();
            if (!m.containsKey(f.name())) {
                if (options.json() && f.presence() == Presence.NULL_IN_JSON) {
                    out.put(f.name(), null);
                } else if (options.json() && f.presence() == Presence.EMPTY_IN_JSON) {
                    out.put(f.name(), new LinkedHashMap<>());
                } else if (options.json() && f.presence() == Presence.ZERO_IN_JSON) {
                    out.put(f.name(), f.kind().decode(new LinkedHashMap<>(), p, options));
                }
                continue;
            }
            Object d = f.kind().decode(m.get(f.name()), p, options);
            if (d != Kind.OMIT) {
                out.put(f.name(), d);
            } else if (options.json() && f.presence() == Presence.EMPTY_IN_JSON) {
                out.put(f.name(), new LinkedHashMap<>());
            }
        }
        if (!options.json()) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = (String) e.getKey();
                if (k.startsWith("x-") && !k.equals("x-#value")) {
                    out.put(k, e.getValue());
                }
            }
        }
        return out;
    }
}
