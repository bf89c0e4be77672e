package io.berth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a compose model uses, for {@code berth config --variables}: what compose-go's
 * {@code template.ExtractVariables} finds in the model read without interpolation — each variable once, with its
 * default ({@code ${X:-d}}, {@code ${X-d}}), its alternate value ({@code ${X:+a}}, {@code ${X+a}}) and whether it
 * is required ({@code ${X:?msg}}, {@code ${X?msg}}). Variables nested in those operands count too; {@code $$} is
 * an escape, not a variable.
 */
final class Variables {
    /**
     * One variable: the first default and alternate value found for it; required as soon as one use is.
     *
     * @param name          the variable's name
     * @param defaultValue  the value used when it is unset (or empty, with {@code :-}); "" when none
     * @param presenceValue the value used when it is set ({@code +}, {@code :+}); "" when none
     * @param required      whether a use fails when it is unset
     */
    record Variable(String name, String defaultValue, String presenceValue, boolean required) {
        Variable merge(Variable other) {
            return new Variable(name, defaultValue.isEmpty() ? other.defaultValue : defaultValue,
                    presenceValue.isEmpty() ? other.presenceValue : presenceValue, required || other.required);
        }
    }

    /** compose-go's template pattern: {@code $$}, {@code $NAME}, {@code ${NAME...}}, or an invalid {@code $}. */
    private static final Pattern PATTERN = Pattern.compile("\\$(?i:(?<escaped>\\$)|(?<named>[_a-z][_a-z0-9]*)"
            + "|\\{(?:(?<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|(?<invalid>)))");

    private Variables() {
    }

    /** Every variable used in the strings of {@code model}, by name. */
    static Map<String, Variable> extract(Object model) {
        Map<String, Variable> out = new TreeMap<>();
        walk(model, out);
        return out;
    }

    private static void walk(Object value, Map<String, Variable> out) {
        if (value instanceof String s) {
            for (Variable v : inString(s)) {
                out.merge(v.name(), v, Variable::merge);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> walk(v, out));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> walk(v, out));
        }
    }

    private static List<Variable> inString(String s) {
        List<Variable> found = new ArrayList<>();
        Matcher m = PATTERN.matcher(s);
        while (m.find()) {
            if (m.group("escaped") != null) {
                continue;
            }
            String expr = m.group("named");
            if (expr == null) {
                expr = m.group("braced");
                if (expr == null) {
                    continue;
                }
                // The pattern runs to the last '}'; the expression ends at the brace that closes this "${".
                String match = m.group();
                int close = closingBrace(match);
                if (close > 0) {
                    expr = match.substring(2, close);
                    found.addAll(inString(match.substring(close + 1)));
                }
            }
            found.addAll(variable(expr));
        }
        return found;
    }

    /** The variable of one expression ({@code NAME}, {@code NAME:-default}, ...) and those nested in it. */
    private static List<Variable> variable(String expr) {
        int i = 0;
        while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_')
                && expr.charAt(i) < 128) {
            i++;
        }
        String name = expr.substring(0, i);
        String rest = expr.substring(i);
        String defaultValue = "";
        String presenceValue = "";
        String message = "";
        boolean required = false;
        if (i > 0 && !rest.isEmpty()) {
            if (rest.startsWith(":?") || rest.startsWith("?")) {
                required = true;
                message = rest.substring(rest.indexOf('?') + 1);
            } else if (rest.startsWith(":-") || rest.startsWith("-")) {
                defaultValue = rest.substring(rest.indexOf('-') + 1);
            } else if (rest.startsWith(":+") || rest.startsWith("+")) {
                presenceValue = rest.substring(rest.indexOf('+') + 1);
            }
        }
        List<Variable> out = new ArrayList<>();
        out.add(new Variable(name, defaultValue, presenceValue, required));
        for (String nested : List.of(defaultValue, presenceValue, message)) {
            if (!nested.isEmpty()) {
                out.addAll(inString(nested));
            }
        }
        return out;
    }

    /** The index of the '}' that closes the first "${" of {@code s}, or -1. */
    private static int closingBrace(String s) {
        int open = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '}') {
                open--;
                if (open == 0) {
                    return i;
                }
            }
            if (s.startsWith("${", i)) {
                open++;
                i++;
            }
        }
        return -1;
    }
}
