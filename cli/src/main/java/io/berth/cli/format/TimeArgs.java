package io.berth.cli.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker's {@code --since}/{@code --until} values ({@code timetypes.GetTimestamp}): a Go duration before now
 * ({@code 10m}, {@code 1h30m}), an RFC 3339 date or date-time (with or without zone: local time then), or a unix
 * timestamp ({@code 1700000000.5}). The API takes {@code seconds[.nanoseconds]}.
 */
public final class TimeArgs {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern UNIX = Pattern.compile("^-?\\d+(\\.\\d{1,9})?$");

    private TimeArgs() {
    }

    /** The API's value for {@code value}, relative to {@code now} in {@code zone}. */
    public static String timestamp(String value, Instant now, ZoneId zone) {
        Long nanos = value.equals("0") ? null : durationNanos(value);
        if (nanos != null) {
            return Long.toString(now.minusNanos(nanos).getEpochSecond());
        }
        try {
            Instant t = parseDate(value, zone);
            return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
        } catch (DateTimeException e) {
            if (value.contains("-") && !UNIX.matcher(value).matches()) {
                throw new IllegalArgumentException("cannot parse \"" + value + "\" as an RFC 3339 time: "
                        + e.getMessage());
            }
            if (!UNIX.matcher(value).matches()) {
                throw new IllegalArgumentException("failed to parse value as time or duration: \"" + value + "\"");
            }
            return value;
        }
    }

    /** A Go duration ({@code 1h2m3.5s}, {@code -5m}) in nanoseconds, or null when {@code s} is not one. */
    public static Long durationNanos(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String v = s;
        boolean negative = v.startsWith("-");
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        if (v.equals("0")) {
            return 0L;
        }
        Matcher m = DURATION_PART.matcher(v);
        int at = 0;
        double total = 0;
        while (m.find() && m.start() == at) {
            total += Double.parseDouble(m.group(1)) * unit(m.group(2));
            at = m.end();
        }
        if (at != v.length() || at == 0) {
            return null;
        }
        return (long) (negative ? -total : total);
    }

    private static double unit(String u) {
        return switch (u) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }

    private static Instant parseDate(String value, ZoneId zone) {
        boolean zoned = value.matches(".*[zZ+].*") || value.chars().filter(c -> c == '-').count() == 3;
        String v = value;
        if (!value.contains("T")) {
            if (!zoned) {
                return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
            String date = v.substring(0, 10);
            String offset = v.substring(10);
            return OffsetDateTime.parse(date + "T00:00:00" + (offset.equalsIgnoreCase("z") ? "Z" : offset))
                    .toInstant();
        }
        if (zoned) {
            return OffsetDateTime.parse(completeTime(v, true), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        return LocalDateTime.parse(completeTime(v, false)).atZone(zone).toInstant();
    }

    /** Adds the minutes and seconds Go's shorter layouts allow ({@code 2006-01-02T15}, {@code ...T15:04}). */
    private static String completeTime(String v, boolean zoned) {
        int t = v.indexOf('T');
        String time = v.substring(t + 1);
        String zone = "";
        if (zoned) {
            int z = Math.max(Math.max(time.indexOf('Z'), time.indexOf('z')), Math.max(time.indexOf('+'),
                    time.lastIndexOf('-')));
            if (z >= 0) {
                zone = time.substring(z).toUpperCase(java.util.Locale.ROOT);
                time = time.substring(0, z);
            }
        }
        long colons = time.chars().filter(c -> c == ':').count();
        if (colons == 0) {
            time += ":00:00";
        } else if (colons == 1) {
            time += ":00";
        }
        return v.substring(0, t + 1) + time + zone;
    }
}
