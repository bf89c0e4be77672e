package io.berth.agent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.agent.engine.spec.HostConfig.RestartPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartRuleTest {
    private static final Duration SHORT = Duration.ofSeconds(1);

    @Test
    void noPolicyNeverRestarts() {
        assertEquals(Optional.empty(), RestartRule.afterExit(RestartPolicy.NO, 1, false, 0, 0, SHORT));
    }

    @Test
    void onFailureRestartsOnlyNonZeroExitsUpToTheLimit() {
        RestartPolicy policy = new RestartPolicy("on-failure", 2);
        assertEquals(Optional.empty(), RestartRule.afterExit(policy, 0, false, 0, 0, SHORT));
        assertTrue(RestartRule.afterExit(policy, 3, false, 1, 1, SHORT).isPresent());
        assertEquals(Optional.empty(), RestartRule.afterExit(policy, 3, false, 2, 2, SHORT));
    }

    @Test
    void delayDoublesAndIsCappedAndResetsAfterALongRun() {
        RestartPolicy always = new RestartPolicy("always", 0);
        assertEquals(Duration.ofMillis(100), RestartRule.afterExit(always, 0, false, 0, 0, SHORT).orElseThrow());
        assertEquals(Duration.ofMillis(800), RestartRule.afterExit(always, 0, false, 3, 3, SHORT).orElseThrow());
        assertEquals(Duration.ofMinutes(1), RestartRule.afterExit(always, 0, false, 30, 30, SHORT).orElseThrow());
        assertEquals(Duration.ofMillis(100),
                RestartRule.afterExit(always, 0, false, 30, 30, Duration.ofSeconds(11)).orElseThrow());
    }

    @Test
    void aUserStopIsNeverUndone() {
        assertEquals(Optional.empty(), RestartRule.afterExit(new RestartPolicy("always", 0), 1, true, 0, 0, SHORT));
    }

    @Test
    void invalidPoliciesAreRefusedWithDockersWords() {
        assertThrows(IllegalArgumentException.class, () -> RestartRule.validate(new RestartPolicy("sometimes", 0)));
        assertThrows(IllegalArgumentException.class, () -> RestartRule.validate(new RestartPolicy("always", 3)));
    }

    @Test
    void atDaemonStartAlwaysRestartsButUnlessStoppedHonoursTheUser() {
        assertTrue(RestartRule.restartsAtDaemonStart(new RestartPolicy("always", 0), false, 0));
        assertEquals(false, RestartRule.restartsAtDaemonStart(new RestartPolicy("unless-stopped", 0), false, 0));
        assertTrue(RestartRule.restartsAtDaemonStart(new RestartPolicy("unless-stopped", 0), true, 0));
    }
}
