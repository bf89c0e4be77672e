package io.berth.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void whenSizesArePrinted_thenDecimalWithThreeDigitsLikeDockerImages() {
        assertEquals("0B", Units.humanSize(0));
        assertEquals("999B", Units.humanSize(999));
        assertEquals("1.23kB", Units.humanSize(1234));
        assertEquals("4.86MB", Units.humanSize(4_864_512));
        assertEquals("128MB", Units.humanSize(128_000_000));
        assertEquals("1.5GB", Units.humanSize(1_500_000_000));
    }

    @Test
    void whenMemoryIsPrinted_thenBinaryWithFourDigitsLikeDockerStats() {
        assertEquals("0B", Units.bytesSize(0));
        assertEquals("1.953MiB", Units.bytesSize(2_048_000));
        assertEquals("7.66GiB", Units.bytesSize(7.66 * 1024 * 1024 * 1024));
        assertEquals("512KiB", Units.bytesSize(512 * 1024));
    }

    @Test
    void whenDurationsArePrinted_thenGoUnitsWords() {
        assertEquals("Less than a second", Units.humanDuration(Duration.ofMillis(300)));
        assertEquals("1 second", Units.humanDuration(Duration.ofSeconds(1)));
        assertEquals("5 seconds", Units.humanDuration(Duration.ofSeconds(5)));
        assertEquals("About a minute", Units.humanDuration(Duration.ofSeconds(90)));
        assertEquals("12 minutes", Units.humanDuration(Duration.ofMinutes(12)));
        assertEquals("About an hour", Units.humanDuration(Duration.ofMinutes(70)));
        assertEquals("3 hours", Units.humanDuration(Duration.ofHours(3)));
        assertEquals("3 days", Units.humanDuration(Duration.ofDays(3)));
        assertEquals("2 weeks", Units.humanDuration(Duration.ofDays(15)));
        assertEquals("3 months", Units.humanDuration(Duration.ofDays(95)));
        assertEquals("2 years", Units.humanDuration(Duration.ofDays(800)));
    }

    @Test
    void whenSizesAreParsed_thenBinaryMultiplesAsDockerFlags() {
        assertEquals(512L * 1024 * 1024, Units.ramInBytes("512m"));
        assertEquals(1L << 30, Units.ramInBytes("1g"));
        assertEquals(64L * 1024, Units.ramInBytes("64KB"));
        assertEquals(100L, Units.ramInBytes("100"));
        assertThrows(IllegalArgumentException.class, () -> Units.ramInBytes("12x"));
    }

    @Test
    void whenSinceIsADuration_thenSecondsBeforeNow() {
        Instant now = Instant.parse("2024-01-01T12:00:00Z");
        assertEquals(Long.toString(now.getEpochSecond() - 600), TimeArgs.timestamp("10m", now, ZoneId.of("UTC")));
        assertEquals(Long.toString(now.getEpochSecond() - 5400), TimeArgs.timestamp("1h30m", now, ZoneId.of("UTC")));
        assertEquals(Long.valueOf(1_500_000_000L), TimeArgs.durationNanos("1.5s"));
        assertNull(TimeArgs.durationNanos("10x"));
    }

    @Test
    void whenSinceIsADate_thenRfc3339FormsAndLocalTimeWork() {
        Instant now = Instant.EPOCH;
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertEquals("1704110400.000000000", TimeArgs.timestamp("2024-01-01T12:00:00Z", now, paris));
        assertEquals("1704106800.000000000", TimeArgs.timestamp("2024-01-01T12:00:00+01:00", now, paris));
        assertEquals("1704106800.000000000", TimeArgs.timestamp("2024-01-01T12:00:00", now, paris));
        assertEquals("1704106800.000000000", TimeArgs.timestamp("2024-01-01T12", now, paris));
        assertEquals("1704063600.000000000", TimeArgs.timestamp("2024-01-01", now, paris));
        assertEquals("1704110400.500000000", TimeArgs.timestamp("2024-01-01T12:00:00.5Z", now, paris));
        assertEquals("1700000000.5", TimeArgs.timestamp("1700000000.5", now, paris));
        assertThrows(IllegalArgumentException.class, () -> TimeArgs.timestamp("yesterday", now, paris));
    }
}
