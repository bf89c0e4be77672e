package io.berth.compose.internal.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value syntaxes compose inherits from Go libraries: durations ({@code 1m30s}, also {@code d} and {@code w}),
 * byte sizes ({@code 512m}, {@code 1.5g}), shell words for string commands, and Go's printing of durations and
 * float32 values.
 */
public final class GoFormats {
    private static final Pattern BYTES = Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private GoFormats() {
    }

    /** Parses a duration in nanoseconds, accepting Go's units plus {@code d} (24h) and {@code w} (7d). */
    public static long parseDuration(String s) {
        String orig = s;
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"\"");
        }
        boolean neg = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"" + orig + "\"");
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String num = s.substring(start, i);
            if (num.isEmpty() || num.equals(".")) {
                throw new IllegalArgumentException("invalid duration \"" + orig + "\"");
            }
            int ustart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(ustart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("missing unit in duration \"" + orig + "\"");
            }
            long mult = switch (unit) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                case "d" -> 86_400_000_000_000L;
                case "w" -> 604_800_000_000_000L;
                default -> throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \""
                        + orig + "\"");
            };
            total = total.add(new BigDecimal(num.endsWith(".") ? num + "0" : num.startsWith(".") ? "0" + num : num)
                    .multiply(BigDecimal.valueOf(mult)));
        }
        long v = total.longValue();
        return neg ? -v : v;
    }

    /** Go's time.Duration.String(). */
    public static String formatDuration(long d) {
        if (d == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        boolean neg = d < 0;
        long u = Math.abs(d);
        if (u < 1_000_000_000L) {
            String unit;
            long div;
            if (u < 1_000L) {
                return (neg ? "-" : "") + u + "ns";
            } else if (u < 1_000_000L) {
                unit = "µs";
                div = 1_000L;
            } else {
                unit = "ms";
                div = 1_000_000L;
            }
            sb.append(fraction(u, div)).append(unit);
        } else {
            long hours = u / 3_600_000_000_000L;
            long rem = u % 3_600_000_000_000L;
            long minutes = rem / 60_000_000_000L;
            rem = rem % 60_000_000_000L;
            if (hours > 0) {
                sb.append(hours).append('h');
            }
            if (hours > 0 || minutes > 0) {
                sb.append(minutes).append('m');
            }
            sb.append(fraction(rem, 1_000_000_000L)).append('s');
        }
        return (neg ? "-" : "") + sb;
    }

    private static String fraction(long v, long div) {
        long whole = v / div;
        long frac = v % div;
        if (frac == 0) {
            return Long.toString(whole);
        }
        String f = String.format("%0" + (Long.toString(div).length() - 1) + "d", frac).replaceAll("0+$", "");
        return whole + "." + f;
    }

    /** go-units RAMInBytes: {@code 512m}, {@code 1.5GiB}, {@code 1024}; binary multiples. */
    public static long parseBytes(String s) {
        Matcher m = BYTES.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size: '" + s + "'");
        }
        double size = Double.parseDouble(m.group(1));
        String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
        long mult = switch (unit) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            case "p" -> 1L << 50;
            default -> 1L;
        };
        return (long) (size * mult);
    }

    /** Go's printing of a float32 value (shortest representation that round-trips as float32). */
    public static Number float32(double v) {
        float f = (float) v;
        if (f == Math.rint(f) && Math.abs(f) < 1e15) {
            return (long) f;
        }
        return f;
    }

    /**
     * Splits a command line into words as go-shellwords does for compose: quotes and backslashes, and the line
     * ends at an unquoted {@code ; & | < >}.
     */
    public static List<String> shellWords(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        boolean escaped = false;
        boolean single = false;
        boolean dbl = false;
        boolean got = false;
        for (int i = 0; i < line.length(); i++) {
            char r = line.charAt(i);
            if (escaped) {
                buf.append(r);
                escaped = false;
                got = true;
                continue;
            }
            if (r == '\\') {
                if (single) {
                    buf.append(r);
                } else {
                    escaped = true;
                }
                continue;
            }
            if (r == ' ' || r == '\t' || r == '\r' || r == '\n') {
                if (single || dbl) {
                    buf.append(r);
                } else if (got) {
                    args.add(buf.toString());
                    buf.setLength(0);
                    got = false;
                }
                continue;
            }
            if (r == '"' && !single) {
                dbl = !dbl;
                got = true;
                continue;
            }
            if (r == '\'' && !dbl) {
                single = !single;
                got = true;
                continue;
            }
            if ((r == ';' || r == '&' || r == '|' || r == '<' || r == '>') && !single && !dbl) {
                break;
            }
            buf.append(r);
            got = true;
        }
        if (single || dbl || escaped) {
            throw new IllegalArgumentException("invalid command line string");
        }
        if (got) {
            args.add(buf.toString());
        }
        return args;
    }
}
