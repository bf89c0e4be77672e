package io.berth.scheduler.internal.api;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Docker's time query parameters: Unix seconds with an optional fraction ({@code 1700000000.123456789}), or an
 * RFC 3339 timestamp (the CLI converts durations such as {@code 10m} before sending).
 */
public final class TimeParams {
    private TimeParams() {
    }

    public static long toNanos(String value, Clock clock) {
        try {
            if (value.matches("-?[0-9]+(\\.[0-9]+)?")) {
                return new BigDecimal(value).movePointRight(9).longValue();
            }
            OffsetDateTime time = OffsetDateTime.parse(value);
            return time.toEpochSecond() * 1_000_000_000L + time.getNano();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, value, "invalid time \"" + value
                    + "\": expected Unix seconds (1700000000.5) or RFC 3339 (2026-11-23T10:00:00Z)");
        }
    }
}
