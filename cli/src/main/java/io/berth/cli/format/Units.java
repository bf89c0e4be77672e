package io.berth.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/** Sizes and durations as docker prints them (go-units: {@code HumanSize}, {@code BytesSize}, {@code HumanDuration}). */
public final class Units {
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

    private Units() {
    }

    /** {@code HumanSizeWithPrecision(size, 3)}: decimal units, three significant digits ({@code 4.86MB}). */
    public static String humanSize(double size) {
        return custom(size, 1000.0, DECIMAL, 3);
    }

    /** {@code HumanSizeWithPrecision(size, precision)}; go-units' {@code HumanSize} (pull progress) uses 4. */
    public static String humanSize(double size, int precision) {
        return custom(size, 1000.0, DECIMAL, precision);
    }

    /** {@code BytesSize}: binary units, four significant digits ({@code 1.953MiB}). */
    public static String bytesSize(double size) {
        return custom(size, 1024.0, BINARY, 4);
    }

    private static String custom(double size, double base, String[] units, int precision) {
        int i = 0;
        while (size >= base && i < units.length - 1) {
            size /= base;
            i++;
        }
        return goG(size, precision) + units[i];
    }

    /** Go's {@code %.Ng}: N significant digits, no trailing zeros, exponent form past N digits. */
    static String goG(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= precision) {
            BigDecimal mant = bd.movePointLeft(exp).stripTrailingZeros();
            return mant.toPlainString() + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "")
                    + Math.abs(exp);
        }
        return bd.stripTrailingZeros().toPlainString();
    }

    /** {@code HumanDuration}: "Less than a second", "3 seconds", "About a minute", "2 hours", "3 weeks"... */
    public static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toNanos() / 3.6e12);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }

    /** Go's {@code time.Time.String()}: {@code 2024-01-01 12:00:00 +0000 UTC} (zone abbreviation, else offset). */
    public static String goTime(java.time.Instant t, java.time.ZoneId zone) {
        java.time.ZonedDateTime z = t.atZone(zone);
        String base = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").format(z);
        String name;
        if (zone instanceof java.time.ZoneOffset offset) {
            name = offset.getTotalSeconds() == 0 ? "UTC" : base.substring(base.length() - 5);
        } else {
            name = java.time.format.DateTimeFormatter.ofPattern("z", java.util.Locale.ROOT).format(z);
        }
        return base + " " + name;
    }

    /** Parses docker's sizes ({@code 512m}, {@code 1g}, {@code 64k}, {@code 1024}): binary multiples, as RAMInBytes. */
    public static long ramInBytes(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kmgtp])?(i?b)?$")
                .matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size: '" + value + "'");
        }
        double n = Double.parseDouble(m.group(1));
        int power = m.group(2) == null ? 0 : "kmgtp".indexOf(m.group(2)) + 1;
        return (long) (n * Math.pow(1024, power));
    }
}
