package io.berth.compose.internal.interpolation;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shell-style variable substitution with compose-go's exact rules, quirks included.
 *
 * <ul>
 *   <li>{@code $$} is a literal {@code $}; a {@code $} followed by anything but a name, {@code $} or
 *       <code>{</code> is left alone (<code>"a $ string"</code>, <code>"^REGEX$"</code>, <code>"$}"</code>).</li>
 *   <li>{@code $NAME} and <code>${NAME}</code> take the value or, if unset, the empty string. A name is
 *       {@code [_a-zA-Z][_a-zA-Z0-9]*} (Go's case folding also admits U+017F and U+212A, so we do too).</li>
 *   <li><code>${NAME:-x}</code>/<code>${NAME-x}</code> default when unset or empty / unset;
 *       <code>${NAME:+x}</code>/<code>${NAME+x}</code> replace when set and non-empty / set;
 *       <code>${NAME:?x}</code>/<code>${NAME?x}</code> fail when unset or empty / unset. The text after the
 *       operator is itself substituted, lazily: only when used.</li>
 *   <li>After an operator the reference extends to the <em>last</em> <code>}</code> on the same line, then is cut
 *       at the brace that balances the opening one, and what follows is substituted on its own. A newline before
 *       any closing brace makes the template invalid, as does <code>${}</code>, <code>${ foo}</code> or
 *       <code>${foo:}</code>.</li>
 * </ul>
 *
 * <p>Errors are {@link InterpolationException}s. As in compose-go an invalid template names the innermost text
 * being substituted: the whole string, a default value, or what follows a reference with an operator.
 */
public final class Template {
    private static final String[] OPERATORS = {":?", ":-", ":+", "?", "-", "+"};

    private final Function<String, String> lookup;
    private final Consumer<String> onUnset;

    private Template(Function<String, String> lookup, Consumer<String> onUnset) {
        this.lookup = lookup;
        this.onUnset = onUnset;
    }

    /**
     * Substitutes the variables of {@code template}.
     *
     * @param lookup the value of a variable, {@code null} when unset ({@code ""} is set but empty)
     */
    public static String substitute(String template, Function<String, String> lookup) {
        return substitute(template, lookup, name -> { });
    }

    /**
     * Substitutes the variables of {@code template}, telling {@code onUnset} the name of each unset variable that
     * is replaced by an empty string (compose-go logs {@link #unsetWarning} then). Variables only tested by an
     * operator are not reported.
     */
    public static String substitute(String template, Function<String, String> lookup, Consumer<String> onUnset) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(onUnset, "onUnset");
        return new Template(lookup, onUnset).run(template);
    }

    /** compose-go's warning for an unset variable: {@code The "FOO" variable is not set. Defaulting to a blank string.} */
    public static String unsetWarning(String variable) {
        return "The " + GoSyntax.quote(variable) + " variable is not set. Defaulting to a blank string.";
    }

    private String run(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int from = 0;
        while (from < template.length()) {
            int dollar = template.indexOf('$', from);
            if (dollar < 0) {
                break;
            }
            out.append(template, from, dollar);
            Reference ref = Reference.at(template, dollar);
            if (ref == null) {
                out.append('$');
                from = dollar + 1;
                continue;
            }
            out.append(replace(template, ref));
            from = ref.end();
        }
        return out.append(template, from, template.length()).toString();
    }

    private String replace(String template, Reference ref) {
        return switch (ref.kind()) {
            case ESCAPED -> "$";
            case INVALID -> throw InterpolationException.invalidTemplate(template);
            case NAMED -> valueOf(ref.name());
            case BRACED -> braced(template.substring(ref.start(), ref.end()), ref.name());
        };
    }

    /**
     * {@code text} is <code>${NAME...}</code> up to the last closing brace of its line. compose-go cuts it at the
     * brace that balances the opening one, applies the operator to the head and substitutes the tail separately.
     */
    private String braced(String text, String name) {
        int close = balancingBrace(text);
        String head = close < 0 ? text : text.substring(0, close + 1);
        String tail = close < 0 ? "" : text.substring(close + 1);
        String afterName = head.substring(2 + name.length(), head.length() - 1);
        String operator = operatorAtStart(afterName);
        if (operator == null) {
            return valueOf(name);
        }
        String argument = afterName.substring(operator.length());
        return apply(name, operator, argument) + run(tail);
    }

    private String apply(String name, String operator, String argument) {
        String value = lookup.apply(name);
        boolean set = value != null;
        boolean nonEmpty = set && !value.isEmpty();
        String current = set ? value : "";
        return switch (operator) {
            case ":-" -> nonEmpty ? current : run(argument);
            case "-" -> set ? current : run(argument);
            case ":+" -> nonEmpty ? run(argument) : current;
            case "+" -> set ? run(argument) : current;
            case ":?" -> {
                if (!nonEmpty) {
                    throw InterpolationException.missingRequired(name, run(argument));
                }
                yield current;
            }
            case "?" -> {
                if (!set) {
                    throw InterpolationException.missingRequired(name, run(argument));
                }
                yield current;
            }
            default -> throw new IllegalStateException("operator " + operator);
        };
    }

    private String valueOf(String name) {
        String value = lookup.apply(name);
        if (value == null) {
            onUnset.accept(name);
            return "";
        }
        return value;
    }

    private static String operatorAtStart(String s) {
        for (String op : OPERATORS) {
            if (s.startsWith(op)) {
                return op;
            }
        }
        return null;
    }

    /**
     * The index of the brace closing the first opening one, or -1. Faithful to compose-go, the character right
     * after each opening brace is skipped, so in <code>{}}</code> the first closing brace does not count.
     */
    static int balancingBrace(String s) {
        int open = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '}') {
                open--;
                if (open == 0) {
                    return i;
                }
            }
            if (c == '{') {
                open++;
                i++;
            }
        }
        return -1;
    }

    /** One match of compose-go's pattern, found at a {@code $}. */
    private record Reference(Kind kind, int start, int end, String name) {
        enum Kind { ESCAPED, NAMED, BRACED, INVALID }

        /** The reference starting at {@code t.charAt(dollar) == '$'}, or null when that dollar is plain text. */
        static Reference at(String t, int dollar) {
            int next = dollar + 1;
            if (next >= t.length()) {
                return null;
            }
            char c = t.charAt(next);
            if (c == '$') {
                return new Reference(Kind.ESCAPED, dollar, next + 1, null);
            }
            if (isNameStart(c)) {
                int end = nameEnd(t, next);
                return new Reference(Kind.NAMED, dollar, end, t.substring(next, end));
            }
            if (c != '{') {
                return null;
            }
            Reference braced = braced(t, dollar);
            return braced != null ? braced : new Reference(Kind.INVALID, dollar, next + 1, null);
        }

        private static Reference braced(String t, int dollar) {
            int nameStart = dollar + 2;
            if (nameStart >= t.length() || !isNameStart(t.charAt(nameStart))) {
                return null;
            }
            int nameEnd = nameEnd(t, nameStart);
            String name = t.substring(nameStart, nameEnd);
            int argumentStart = afterOperator(t, nameEnd);
            if (argumentStart > 0) {
                // (.*)} is greedy and "." stops at a newline: the last brace before the end of the line.
                int lineEnd = t.indexOf('\n', argumentStart);
                int close = t.lastIndexOf('}', (lineEnd < 0 ? t.length() : lineEnd) - 1);
                if (close >= argumentStart) {
                    return new Reference(Kind.BRACED, dollar, close + 1, name);
                }
            }
            if (nameEnd < t.length() && t.charAt(nameEnd) == '}') {
                return new Reference(Kind.BRACED, dollar, nameEnd + 1, name);
            }
            return null;
        }

        /** The index after {@code :?[-+?]} at {@code i}, or -1. */
        private static int afterOperator(String t, int i) {
            if (i < t.length() && t.charAt(i) == ':') {
                return i + 1 < t.length() && isOperatorChar(t.charAt(i + 1)) ? i + 2 : -1;
            }
            return i < t.length() && isOperatorChar(t.charAt(i)) ? i + 1 : -1;
        }

        private static boolean isOperatorChar(char c) {
            return c == '-' || c == '+' || c == '?';
        }

        private static int nameEnd(String t, int from) {
            int i = from + 1;
            while (i < t.length() && isNameChar(t.charAt(i))) {
                i++;
            }
            return i;
        }

        /**
         * compose-go's {@code (?i)[_a-z]}: Go folds case over Unicode, so U+017F (long s) and U+212A (Kelvin
         * sign) are letters of a variable name too.
         */
        private static boolean isNameStart(char c) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u017F' || c == '\u212A';
        }

        private static boolean isNameChar(char c) {
            return isNameStart(c) || (c >= '0' && c <= '9');
        }
    }
}
