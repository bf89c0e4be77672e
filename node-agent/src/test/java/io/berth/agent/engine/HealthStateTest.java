package io.berth.agent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HealthStateTest {
    private static HealthState.Probe probe(int code) {
        return new HealthState.Probe("2026-11-23T10:00:00Z", "2026-11-23T10:00:01Z", code, "out");
    }

    @Test
    void retriesConsecutiveFailuresMakeItUnhealthyAndOneSuccessHealsIt() {
        HealthState state = HealthState.starting();
        state = state.after(probe(1), 3, false).after(probe(1), 3, false);
        assertEquals(HealthState.STARTING, state.status());
        state = state.after(probe(1), 3, false);
        assertEquals(HealthState.UNHEALTHY, state.status());
        assertEquals(3, state.failingStreak());
        state = state.after(probe(0), 3, false);
        assertEquals(HealthState.HEALTHY, state.status());
        assertEquals(0, state.failingStreak());
    }

    @Test
    void failuresInTheStartPeriodDoNotCountAndTheLogKeepsFive() {
        HealthState state = HealthState.starting();
        for (int i = 0; i < 7; i++) {
            state = state.after(probe(1), 1, true);
        }
        assertEquals(HealthState.STARTING, state.status());
        assertEquals(0, state.failingStreak());
        assertEquals(5, state.log().size());
    }
}
