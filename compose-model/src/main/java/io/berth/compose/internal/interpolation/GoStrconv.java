package io.berth.compose.internal.interpolation;

import java.util.regex.Pattern;

/**
 * The subset of Go's {@code strconv} that compose-go's type casts use, with the same accepted syntax and the
 * same error texts ({@code strconv.Atoi: parsing "x": invalid syntax}). Java's own parsers accept things Go
 * refuses (whitespace, {@code 1.0d}) and refuse things Go accepts ({@code 1_000.5}), hence this class.
 * Failures are {@link NumberFormatException}s whose message is Go's.
 */
final class GoStrconv {
    private static final String SYNTAX = "invalid syntax";
    private static final String RANGE = "value out of range";

    /** Decimal digits, underscores allowed only between two digits. */
    private static final String DIGITS = "[0-9]+(?:_[0-9]+)*";
    private static final String HEX_DIGITS = "[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*";
    private static final Pattern DECIMAL_FLOAT = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
    /** A hexadecimal float must have a binary exponent, as in Go source. */
    private static final Pattern HEX_FLOAT = Pattern.compile(
            "[+-]?0[xX](?:_?" + HEX_DIGITS + "(?:\\.(?:" + HEX_DIGITS + ")?)?|\\." + HEX_DIGITS + ")"
                    + "[pP][+-]?" + DIGITS);
    private static final Pattern INFINITY = Pattern.compile("[+-]?(?i:inf|infinity)");
    private static final Pattern NAN = Pattern.compile("(?i:nan)");

    private GoStrconv() {
    }

    /** {@code strconv.Atoi} on a 64-bit platform. */
    static long atoi(String s) {
        return parseInt(s, "Atoi");
    }

    /** {@code strconv.ParseInt(s, 10, 64)}. */
    static long parseInt64(String s) {
        return parseInt(s, "ParseInt");
    }

    /** {@code strconv.ParseFloat(s, 64)}. */
    static double parseFloat64(String s) {
        if (INFINITY.matcher(s).matches()) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(s).matches()) {
            return Double.NaN;
        }
        double d = Double.parseDouble(checkedFloatText(s));
        if (Double.isInfinite(d)) {
            throw error("ParseFloat", s, RANGE);
        }
        return d;
    }

    /** {@code strconv.ParseFloat(s, 32)}: the value rounded once, to the nearest float32. */
    static float parseFloat32(String s) {
        if (INFINITY.matcher(s).matches() || NAN.matcher(s).matches()) {
            return (float) parseFloat64(s);
        }
        float f = Float.parseFloat(checkedFloatText(s));
        if (Float.isInfinite(f)) {
            throw error("ParseFloat", s, RANGE);
        }
        return f;
    }

    private static String checkedFloatText(String s) {
        if (!DECIMAL_FLOAT.matcher(s).matches() && !HEX_FLOAT.matcher(s).matches()) {
            throw error("ParseFloat", s, SYNTAX);
        }
        return s.replace("_", "");
    }

    /**
     * Base 10, optional sign, no underscores. Like Go, digits are read left to right and the first problem wins:
     * a string that overflows before its first non-digit is out of range, not a syntax error.
     */
    private static long parseInt(String s, String function) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == s.length()) {
            throw error(function, s, SYNTAX);
        }
        long unsigned = 0;
        boolean overflow = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw error(function, s, SYNTAX);
            }
            // Go accumulates in a uint64 and reports a range error as soon as it overflows.
            if (Long.compareUnsigned(unsigned, Long.divideUnsigned(-1L, 10) + 1) >= 0) {
                overflow = true;
                break;
            }
            long next = unsigned * 10 + (c - '0');
            if (Long.compareUnsigned(next, unsigned * 10) < 0) {
                overflow = true;
                break;
            }
            unsigned = next;
        }
        long limit = Long.MIN_VALUE; // 1 << 63 as an unsigned value
        if (overflow || (!negative && Long.compareUnsigned(unsigned, limit) >= 0)
                || (negative && Long.compareUnsigned(unsigned, limit) > 0)) {
            throw error(function, s, RANGE);
        }
        return negative ? -unsigned : unsigned;
    }

    private static NumberFormatException error(String function, String input, String problem) {
        return new NumberFormatException("strconv." + function + ": parsing " + GoSyntax.quote(input) + ": " + problem);
    }
}
