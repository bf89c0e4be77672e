package io.berth.compose.internal.output;

import java.util.List;
import java.util.Map;

/** Writes the canonical tree as JSON, two-space indented, keys in the tree's order. */
public final class JsonWriter {
    private JsonWriter() {
    }

    public static String write(Object tree) {
        StringBuilder sb = new StringBuilder(4096);
        write(sb, tree, 0);
        return sb.append('\n').toString();
    }

    /** Compact JSON, byte for byte as Go's json.Marshal prints the same values (no spaces, Go escaping). */
    public static String compact(Object tree) {
        StringBuilder sb = new StringBuilder(1024);
        compact(sb, tree);
        return sb.toString();
    }

    private static void compact(StringBuilder sb, Object v) {
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                compact(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                compact(sb, l.get(i));
            }
            sb.append(']');
        } else {
            write(sb, v, 0);
        }
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(sb, indent + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                pad(sb, indent + 1);
                write(sb, l.get(i), indent + 1);
                sb.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append(']');
        } else if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof java.math.BigInteger) {
            sb.append(v);
        } else if (v instanceof Double d) {
            number(sb, d, Double.toString(d));
        } else if (v instanceof Float f) {
            number(sb, f.doubleValue(), Float.toString(f));
        } else {
            string(sb, v.toString());
        }
    }

    /**
     * A float as Go's encoding/json prints it: the shortest digits ({@code shortest} is Java's shortest repr of the
     * same value), plain notation unless the magnitude is below 1e-6 or from 1e21 on, then {@code 1e-7} style.
     */
    private static void number(StringBuilder sb, double d, String shortest) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            sb.append((long) d);
            return;
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append(shortest);
            return;
        }
        String s = shortest;
        boolean neg = s.startsWith("-");
        if (neg) {
            s = s.substring(1);
        }
        int e = s.indexOf('E');
        int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String mant = e < 0 ? s : s.substring(0, e);
        int dot = mant.indexOf('.');
        String digits = dot < 0 ? mant : mant.substring(0, dot) + mant.substring(dot + 1);
        int point = (dot < 0 ? mant.length() : dot) + exp; // digits before the decimal point
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        point -= lead;
        digits = digits.substring(lead).replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        if (neg) {
            sb.append('-');
        }
        double abs = Math.abs(d);
        if (abs < 1e-6 || abs >= 1e21) {
            int x = point - 1;
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(x < 0 ? '-' : '+');
            int ax = Math.abs(x);
            sb.append(ax < 10 && x >= 0 ? "0" : "").append(ax);
        } else if (point <= 0) {
            sb.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            sb.append(digits).append("0".repeat(point - digits.length()));
        } else {
            sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
    }

    private static void pad(StringBuilder sb, int indent) {
        for (int i = 0; i < indent; i++) {
            sb.append("  ");
        }
    }

    /** JSON string with Go's escaping (which also escapes &lt;, &gt; and &amp;). */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
