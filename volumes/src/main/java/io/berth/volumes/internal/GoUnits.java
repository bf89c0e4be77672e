package io.berth.volumes.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes written as Docker reads them ({@code github.com/docker/go-units}): {@code 64m}, {@code 1.5GiB}, {@code 10 kb}. */
public final class GoUnits {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private GoUnits() {
    }

    /** go-units {@code RAMInBytes}: binary multiples (k = 1024); throws {@link NumberFormatException}. */
    public static long ramInBytes(String s) {
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) {
            throw new NumberFormatException("invalid size: '" + s + "'");
        }
        double value;
        try {
            value = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw new NumberFormatException("invalid size: '" + s + "'");
        }
        String unit = m.group(3);
        long mult = 1;
        if (unit != null) {
            mult = switch (Character.toLowerCase(unit.charAt(0))) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                case 't' -> 1L << 40;
                case 'p' -> 1L << 50;
                default -> throw new NumberFormatException("invalid size: '" + s + "'");
            };
        }
        return (long) (value * mult);
    }

    /** Formats bytes with the largest of g, m, k that divides them evenly, as Docker writes a tmpfs size. */
    public static String tmpfsSize(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "g";
        }
        if (bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "m";
        }
        if (bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "k";
        }
        return Long.toString(bytes);
    }
}
