package io.berth.cli.format;

import io.berth.cli.client.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The functions of docker's templates and Go's builtins, and Go's way of printing values. */
final class TemplateFunctions {
    private TemplateFunctions() {
    }

    static Object call(String name, List<Object> args, String source) {
        return switch (name) {
            case "json" -> json(arg(args, 0, name));
            case "join" -> join(args);
            case "split" -> new ArrayList<Object>(Arrays.asList(
                    str(arg(args, 0, name)).split(java.util.regex.Pattern.quote(str(arg(args, 1, name))), -1)));
            case "title" -> title(str(arg(args, 0, name)));
            case "lower" -> str(arg(args, 0, name)).toLowerCase(Locale.ROOT);
            case "upper" -> str(arg(args, 0, name)).toUpperCase(Locale.ROOT);
            case "pad" -> " ".repeat((int) num(arg(args, 1, name))) + str(arg(args, 0, name))
                    + " ".repeat((int) num(arg(args, 2, name)));
            case "truncate" -> truncate(str(arg(args, 0, name)), (int) num(arg(args, 1, name)));
            case "println" -> sprint(args, true) + "\n";
            case "print" -> sprint(args, false);
            case "printf" -> GoFormat.sprintf(str(arg(args, 0, name)), args.subList(1, args.size()));
            case "index" -> index(args);
            case "len" -> length(arg(args, 0, name));
            case "not" -> !truth(arg(args, 0, name));
            case "and" -> andOr(args, true);
            case "or" -> andOr(args, false);
            case "eq" -> eq(args);
            case "ne" -> !equal(arg(args, 0, name), arg(args, 1, name));
            case "lt" -> compare(arg(args, 0, name), arg(args, 1, name)) < 0;
            case "le" -> compare(arg(args, 0, name), arg(args, 1, name)) <= 0;
            case "gt" -> compare(arg(args, 0, name), arg(args, 1, name)) > 0;
            case "ge" -> compare(arg(args, 0, name), arg(args, 1, name)) >= 0;
            default -> throw new TemplateException("template parsing error: template: :1: function \"" + name
                    + "\" not defined");
        };
    }

    /** The field {@code name} of {@code target}. */
    static Object field(Object target, String name, List<Object> args) {
        if (target instanceof TemplateObject o) {
            Object v = o.field(name, args);
            if (v == TemplateObject.MISSING) {
                throw new TemplateException("template: :1: executing \"\" at <." + name + ">: can't evaluate field "
                        + name + " in type " + o.getClass().getSimpleName().replace("Row", "Context"));
            }
            return v;
        }
        if (!args.isEmpty()) {
            throw new TemplateException("template: :1: executing \"\" at <." + name + ">: " + name
                    + " is not a method but has arguments");
        }
        if (target instanceof Map<?, ?> m) {
            return m.containsKey(name) ? m.get(name) : TemplateObject.MISSING;
        }
        if (target == null || target == TemplateObject.MISSING) {
            return TemplateObject.MISSING;
        }
        throw new TemplateException("template: :1: executing \"\" at <." + name + ">: can't evaluate field " + name
                + " in type " + goType(target));
    }

    static String json(Object v) {
        Object plain = v instanceof TemplateObject o ? o.json() : v == TemplateObject.MISSING ? null : v;
        return Json.write(plain);
    }

    private static String join(List<Object> args) {
        Object list = arg(args, 0, "join");
        String sep = str(arg(args, 1, "join"));
        List<String> parts = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(x -> parts.add(print(x)));
        } else if (list != null && list != TemplateObject.MISSING) {
            parts.add(print(list));
        }
        return String.join(sep, parts);
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? Character.toTitleCase(c) : c);
            start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
        }
        return sb.toString();
    }

    private static String truncate(String s, int n) {
        int[] cps = s.codePoints().toArray();
        return cps.length <= n ? s : new String(cps, 0, Math.max(0, n));
    }

    private static String sprint(List<Object> args, boolean ln) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            boolean isString = args.get(i) instanceof String;
            if (i > 0 && (ln || (!isString && !(args.get(i - 1) instanceof String)))) {
                sb.append(' ');
            }
            sb.append(print(args.get(i)));
        }
        return sb.toString();
    }

    private static Object index(List<Object> args) {
        Object v = arg(args, 0, "index");
        for (int i = 1; i < args.size(); i++) {
            Object key = args.get(i);
            if (v instanceof Map<?, ?> m) {
                v = m.get(print(key));
            } else if (v instanceof List<?> l) {
                long n = num(key);
                if (n < 0 || n >= l.size()) {
                    throw new TemplateException("template: error calling index: index out of range: " + n);
                }
                v = l.get((int) n);
            } else if (v == null || v == TemplateObject.MISSING) {
                return null;
            } else {
                throw new TemplateException("template: error calling index: can't index item of type "
                        + goType(v));
            }
        }
        return v;
    }

    private static long length(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        throw new TemplateException("template: error calling len: len of type " + goType(v));
    }

    private static Object andOr(List<Object> args, boolean and) {
        Object last = null;
        for (Object a : args) {
            last = a;
            if (truth(a) != and) {
                return a;
            }
        }
        return last;
    }

    private static boolean eq(List<Object> args) {
        Object first = arg(args, 0, "eq");
        for (int i = 1; i < args.size(); i++) {
            if (equal(first, args.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        Object l = a == TemplateObject.MISSING ? null : a;
        Object r = b == TemplateObject.MISSING ? null : b;
        return l == null ? r == null : l.equals(r);
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw new TemplateException("template: error calling compare: incompatible types for comparison");
    }

    /** Go's truth: false, 0, nil, and empty strings, lists and maps are false. */
    static boolean truth(Object v) {
        if (v == null || v == TemplateObject.MISSING) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    /** {@code v} as Go's {@code fmt} prints it with {@code %v}. */
    static String print(Object v) {
        if (v == null || v == TemplateObject.MISSING) {
            return "<no value>";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double || v instanceof Float) {
            return goFloat(((Number) v).doubleValue());
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? " " : "").append(l.get(i) == null ? "<nil>" : print(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("map[");
            boolean first = true;
            for (Map.Entry<String, Object> e : new TreeMap<>(stringKeys(m)).entrySet()) {
                sb.append(first ? "" : " ").append(e.getKey()).append(':')
                        .append(e.getValue() == null ? "<nil>" : print(e.getValue()));
                first = false;
            }
            return sb.append(']').toString();
        }
        return v.toString();
    }

    /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}. */
    static String goFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= Math.max(bd.precision(), 21)) {
            String digits = bd.unscaledValue().abs().toString();
            String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return (d < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "")
                    + Math.abs(exp);
        }
        return bd.toPlainString();
    }

    static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    static String str(Object v) {
        return v instanceof String s ? s : print(v);
    }

    static long num(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(str(v));
        } catch (NumberFormatException e) {
            throw new TemplateException("template: expected an integer, got " + print(v));
        }
    }

    private static Object arg(List<Object> args, int i, String fn) {
        if (i >= args.size()) {
            throw new TemplateException("template: wrong number of args for " + fn + ": want at least " + (i + 1)
                    + " got " + args.size());
        }
        return args.get(i);
    }

    static String goType(Object v) {
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Number) {
            return v instanceof Double ? "float64" : "int";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List<?>) {
            return "[]interface {}";
        }
        return "map[string]interface {}";
    }
}
