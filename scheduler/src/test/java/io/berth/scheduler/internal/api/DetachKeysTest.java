package io.berth.scheduler.internal.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import org.junit.jupiter.api.Test;

class DetachKeysTest {
    @Test
    void theDefaultSequenceDetachesAndIsNotPassedOn() {
        DetachKeys keys = DetachKeys.parse(null);
        DetachKeys.Result result = keys.feed(new byte[] {'a', 16, 17, 'b'});
        assertTrue(result.detach());
        assertArrayEquals(new byte[] {'a'}, result.pass());
    }

    @Test
    void aBrokenPartialMatchIsReleasedAcrossChunks() {
        DetachKeys keys = DetachKeys.parse("ctrl-p,ctrl-q");
        DetachKeys.Result first = keys.feed(new byte[] {'x', 16});
        assertFalse(first.detach());
        assertArrayEquals(new byte[] {'x'}, first.pass());
        DetachKeys.Result second = keys.feed(new byte[] {'y'});
        assertArrayEquals(new byte[] {16, 'y'}, second.pass());
        assertTrue(keys.feed(new byte[] {16}).pass().length == 0);
        assertTrue(keys.feed(new byte[] {17}).detach());
    }

    @Test
    void customKeysAndBadOnes() {
        assertTrue(DetachKeys.parse("ctrl-a,x").feed(new byte[] {1, 'x'}).detach());
        assertThrows(BerthException.class, () -> DetachKeys.parse("ctrl-1"));
        assertThrows(BerthException.class, () -> DetachKeys.parse("alt-x"));
    }
}
