package io.berth.compose.internal.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over the generic compose tree (LinkedHashMap, ArrayList, scalars). */
public final class Trees {
    private Trees() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** A deep, mutable copy. */
    public static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>(m.size() * 2);
            m.forEach((k, x) -> out.put((String) k, deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(deepCopy(x)));
            return out;
        }
        return v;
    }

    /** A deep, unmodifiable copy. */
    public static Object freeze(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>(m.size() * 2);
            m.forEach((k, x) -> out.put((String) k, freeze(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(freeze(x)));
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /** Go's fmt.Sprint of a scalar as compose-go would print it. */
    public static String sprint(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
                return Long.toString(d.longValue());
            }
            return d.toString();
        }
        return v.toString();
    }

    public static boolean isEmpty(Object v) {
        return v == null || (v instanceof Map<?, ?> m && m.isEmpty()) || (v instanceof List<?> l && l.isEmpty())
                || (v instanceof String s && s.isEmpty());
    }
}
