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
            return goFloat(d, Double.toString(d));
        }
        if (v instanceof Float f) {
            return goFloat(f, Float.toString(f));
        }
        return v.toString();
    }

    /**
     * Go's {@code %v} of a float ({@code strconv.FormatFloat(f, 'g', -1, bits)}): the shortest digits, in
     * {@code 1e+06} form when the decimal exponent is below -4 or 6 and more. {@code shortest} is Java's
     * shortest representation of the same value, which has the same digits.
     */
    static String goFloat(double d, String shortest) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        String s = shortest.startsWith("-") ? shortest.substring(1) : shortest;
        int e = s.indexOf('E');
        String mant = e < 0 ? s : s.substring(0, e);
        int dot = mant.indexOf('.');
        String digits = dot < 0 ? mant : mant.substring(0, dot) + mant.substring(dot + 1);
        int point = (dot < 0 ? mant.length() : dot) + (e < 0 ? 0 : Integer.parseInt(s.substring(e + 1)));
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead).replaceAll("0+$", "");
        point -= lead;
        StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
        int exp = point - 1;
        if (exp < -4 || exp >= 6) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ax = Math.abs(exp);
            return sb.append(ax < 10 ? "0" : "").append(ax).toString();
        }
        if (point <= 0) {
            return sb.append("0.").append("0".repeat(-point)).append(digits).toString();
        }
        if (point >= digits.length()) {
            return sb.append(digits).append("0".repeat(point - digits.length())).toString();
        }
        return sb.append(digits, 0, point).append('.').append(digits, point, digits.length()).toString();
    }

    public static boolean isEmpty(Object v) {
        return v == null || (v instanceof Map<?, ?> m && m.isEmpty()) || (v instanceof List<?> l && l.isEmpty())
                || (v instanceof String s && s.isEmpty());
    }
}
