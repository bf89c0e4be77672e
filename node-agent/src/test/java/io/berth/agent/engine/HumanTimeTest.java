package io.berth.agent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanTimeTest {
    @Test
    void durationsReadAsDockerPrintsThem() {
        assertEquals("Less than a second", HumanTime.duration(Duration.ofMillis(300)));
        assertEquals("1 second", HumanTime.duration(Duration.ofSeconds(1)));
        assertEquals("59 seconds", HumanTime.duration(Duration.ofSeconds(59)));
        assertEquals("About a minute", HumanTime.duration(Duration.ofSeconds(100)));
        assertEquals("45 minutes", HumanTime.duration(Duration.ofMinutes(45)));
        assertEquals("About an hour", HumanTime.duration(Duration.ofMinutes(80)));
        assertEquals("5 hours", HumanTime.duration(Duration.ofHours(5)));
        assertEquals("3 days", HumanTime.duration(Duration.ofDays(3)));
        assertEquals("3 weeks", HumanTime.duration(Duration.ofDays(21)));
        assertEquals("4 months", HumanTime.duration(Duration.ofDays(125)));
        assertEquals("3 years", HumanTime.duration(Duration.ofDays(365 * 3 + 1)));
    }

    @Test
    void statusColumnShowsUptimeHealthAndExitCode() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        ContainerState running = ContainerState.created().running(42, "2026-11-23T09:59:57Z", null);
        assertEquals("Up 3 seconds", HumanTime.status(running, now));
        assertEquals("Up 3 seconds (health: starting)",
                HumanTime.status(running.withHealth(HealthState.starting()), now));
        assertEquals("Up 3 seconds (Paused)", HumanTime.status(running.withStatus(ContainerStatus.PAUSED), now));
        ContainerState exited = running.exited(137, "2026-11-23T09:58:00Z", false, "");
        assertEquals("Exited (137) 2 minutes ago", HumanTime.status(exited, now));
        assertEquals("Created", HumanTime.status(ContainerState.created(), now));
    }
}
