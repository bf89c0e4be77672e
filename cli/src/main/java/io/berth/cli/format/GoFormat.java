package io.berth.cli.format;

import java.util.List;
import java.util.Locale;

/** Go's {@code fmt.Sprintf} for the verbs templates use: {@code %s %v %d %q %f %g %e %x %t %%}, with flags. */
final class GoFormat {
    private GoFormat() {
    }

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int arg = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i;
            while (i < format.length() && "+-# 0".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            while (i < format.length() && (Character.isDigit(format.charAt(i)) || format.charAt(i) == '.')) {
                i++;
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            String spec = format.substring(start, i);
            char verb = format.charAt(i++);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (arg >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            out.append(one(spec, verb, args.get(arg++)));
        }
        if (arg < args.size()) {
            out.append("%!(EXTRA ");
            for (int j = arg; j < args.size(); j++) {
                out.append(j > arg ? ", " : "").append(TemplateFunctions.goType(args.get(j))).append('=')
                        .append(TemplateFunctions.print(args.get(j)));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String one(String spec, char verb, Object v) {
        String flags = spec.replace("#", "");
        return switch (verb) {
            case 'd' -> v instanceof Number n ? String.format(Locale.ROOT, "%" + flags + "d", n.longValue())
                    : bad(verb, v);
            case 'f', 'e', 'g' -> v instanceof Number n
                    ? String.format(Locale.ROOT, "%" + (spec.contains(".") || verb == 'g' ? flags : flags + ".6")
                            + verb, n.doubleValue()) : bad(verb, v);
            case 'x', 'X' -> v instanceof Number n ? String.format(Locale.ROOT, "%" + flags + verb, n.longValue())
                    : pad(flags, hex(TemplateFunctions.str(v), verb == 'X'));
            case 't' -> v instanceof Boolean ? pad(flags, v.toString()) : bad(verb, v);
            case 'q' -> pad(flags, quote(TemplateFunctions.str(v)));
            case 's', 'v' -> pad(flags, TemplateFunctions.print(v));
            default -> "%!" + verb + "(" + TemplateFunctions.goType(v) + "=" + TemplateFunctions.print(v) + ")";
        };
    }

    private static String pad(String spec, String s) {
        int i = 0;
        boolean left = false;
        while (i < spec.length() && "+-# 0".indexOf(spec.charAt(i)) >= 0) {
            left |= spec.charAt(i) == '-';
            i++;
        }
        String rest = spec.substring(i);
        int dot = rest.indexOf('.');
        String width = dot < 0 ? rest : rest.substring(0, dot);
        if (dot >= 0) {
            String p = rest.substring(dot + 1);
            int precision = p.isEmpty() ? 0 : Integer.parseInt(p);
            if (s.codePointCount(0, s.length()) > precision) {
                s = s.substring(0, s.offsetByCodePoints(0, precision));
            }
        }
        int w = width.isEmpty() ? 0 : Integer.parseInt(width);
        int len = s.codePointCount(0, s.length());
        if (len >= w) {
            return s;
        }
        return left ? s + " ".repeat(w - len) : " ".repeat(w - len) + s;
    }

    private static String hex(String s, boolean upper) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            sb.append(String.format(upper ? "%02X" : "%02x", b & 0xff));
        }
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String bad(char verb, Object v) {
        return "%!" + verb + "(" + TemplateFunctions.goType(v) + "=" + TemplateFunctions.print(v) + ")";
    }
}
