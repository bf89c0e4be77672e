package io.berth.compose.internal.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The wording of violations, copied from compose-go ({@code schema/schema.go}) and the library it wraps
 * (santhosh-tekuri/jsonschema v6, {@code kind/kind.go}), so that a message reads the same in both tools.
 */
final class Messages {
    private Messages() {
    }

    /** {@code must be a string}, {@code must be a mapping}, {@code must be a boolean, null, number or string}. */
    static String mustBe(List<JsonType> types) {
        List<String> names = new ArrayList<>(types.size());
        for (JsonType type : types) {
            names.add(type == JsonType.OBJECT ? "mapping" : type.schemaName());
        }
        if (names.size() == 1) {
            return "must be a ".concat(names.getFirst());
        }
        Collections.sort(names);
        return new StringBuilder("must be a ").append(String.join(", ", names.subList(0, names.size() - 1)))
                .append(" or ").append(names.getLast()).toString();
    }

    /** {@code value must be 'a'} or {@code value must be one of 'a', 'b'}; {@code enum failed} for composites. */
    static String enumFailed(List<Object> allowed) {
        for (Object value : allowed) {
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                return "enum failed";
            }
        }
        if (allowed.size() == 1) {
            return "value must be ".concat(display(allowed.getFirst()));
        }
        List<String> shown = new ArrayList<>(allowed.size());
        for (Object value : allowed) {
            shown.add(display(value));
        }
        return "value must be one of ".concat(String.join(", ", shown));
    }

    static String missing(List<String> properties) {
        return properties.size() == 1
                ? "missing property " + quote(properties.getFirst())
                : "missing properties " + joinQuoted(properties);
    }

    static String additional(List<String> properties) {
        return "additional properties " + joinQuoted(properties) + " not allowed";
    }

    static String pattern(String value, String pattern) {
        return quote(value) + " does not match pattern " + quote(pattern);
    }

    static String minimum(double bound) {
        return "must be greater than or equal to " + number(bound);
    }

    static String maximum(double bound) {
        return "must be less than or equal to " + number(bound);
    }

    static String duplicates(int first, int second) {
        return "items at " + first + " and " + second + " are equal";
    }

    static String oneOfMatchedTwice(int first, int second) {
        return "oneOf failed, subschemas " + first + ", " + second + " matched";
    }

    static String falseSchema() {
        return "false schema";
    }

    static String invalidValue(Object value) {
        return "invalid jsonType " + value.getClass().getName();
    }

    /** {@code 0}, {@code -1000}, {@code 0.5}: integral values without a fraction. */
    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String joinQuoted(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(quote(value));
        }
        return out.toString();
    }

    /** A primitive as jsonschema shows it: strings quoted, null as Go prints nil. */
    private static String display(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Double d && !d.isNaN()) {
            return number(d);
        }
        return String.valueOf(value);
    }

    /**
     * Single-quoted like jsonschema's {@code quote}: Go's {@code %q} escaping, but with {@code "} left alone and
     * {@code '} escaped. So {@code it's} becomes {@code 'it\'s'} and a newline becomes {@code \n}.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> appendRune(out, c);
            }
        }
        return out.append('\'').toString();
    }

    private static void appendRune(StringBuilder out, int c) {
        if (isPrintable(c)) {
            out.appendCodePoint(c);
        } else if (c < 0x80) {
            out.append(String.format("\\x%02x", c));
        } else if (c < 0x10000) {
            out.append(String.format("\\u%04x", c));
        } else {
            out.append(String.format("\\U%08x", c));
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
