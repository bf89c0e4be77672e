package io.berth.scheduler.internal.api;

import java.math.BigDecimal;
import java.math.MathContext;

/** Docker's progress text ({@code [=====>      ]  1.049MB/2.217MB}): a 50-column bar and decimal sizes. */
final class ProgressBar {
    private static final int WIDTH = 50;
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private ProgressBar() {
    }

    static String render(long current, long total) {
        if (total <= 0) {
            return humanSize(current);
        }
        int bars = (int) Math.min(WIDTH, current * WIDTH / total);
        String bar = "=".repeat(bars) + ">" + " ".repeat(WIDTH - bars);
        String numbers = humanSize(current) + "/" + humanSize(total);
        return "[" + bar + "] " + " ".repeat(Math.max(0, 8 - humanSize(current).length())) + numbers;
    }

    /** go-units' HumanSize: four significant digits, units of 1000. */
    static String humanSize(double size) {
        int unit = 0;
        while (size >= 1000 && unit < UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(size).round(new MathContext(4)).stripTrailingZeros();
        return rounded.toPlainString() + UNITS[unit];
    }
}
