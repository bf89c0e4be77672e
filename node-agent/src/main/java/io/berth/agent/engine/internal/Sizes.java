package io.berth.agent.engine.internal;

import java.util.Locale;

/** Docker's human sizes in options ({@code 10m}, {@code 1g}, {@code 512k}, {@code 100}): binary units. */
final class Sizes {
    private Sizes() {
    }

    static long parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("b")) {
            value = value.substring(0, value.length() - 1);
        }
        long unit = 1;
        char last = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
        switch (last) {
            case 'k' -> unit = 1024L;
            case 'm' -> unit = 1024L * 1024;
            case 'g' -> unit = 1024L * 1024 * 1024;
            default -> unit = 1;
        }
        String number = unit == 1 ? value : value.substring(0, value.length() - 1);
        try {
            return (long) (Double.parseDouble(number) * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid size: '" + text + "'");
        }
    }
}
