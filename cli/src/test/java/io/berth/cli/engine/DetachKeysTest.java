package io.berth.cli.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.compose.BerthException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DetachKeysTest {
    @Test
    void whenKeysAreParsed_thenDockersNotation() {
        assertArrayEquals(new byte[] {16, 17}, DetachKeys.parse("ctrl-p,ctrl-q").bytes());
        assertArrayEquals(new byte[] {'a', 0, 28, 31}, DetachKeys.parse("a,ctrl-@,ctrl-\\,ctrl-_").bytes());
        assertThrows(BerthException.class, () -> DetachKeys.parse("ctrl-1"));
        assertThrows(BerthException.class, () -> DetachKeys.parse("alt-x"));
    }

    @Test
    void whenTheSequenceIsTyped_thenItIsHeldBackAndDetaches() {
        DetachKeys keys = DetachKeys.parse(DetachKeys.DEFAULT);
        ByteArrayOutputStream fwd = new ByteArrayOutputStream();

        assertEquals(2, keys.scan(new byte[] {'l', 's', 16}, 3, fwd));
        assertArrayEquals(new byte[] {'l', 's'}, fwd.toByteArray());
        assertEquals(-1, keys.scan(new byte[] {17}, 1, fwd));
    }

    @Test
    void whenTheSequenceBreaks_thenTheHeldBytesAreForwarded() {
        DetachKeys keys = DetachKeys.parse(DetachKeys.DEFAULT);
        ByteArrayOutputStream fwd = new ByteArrayOutputStream();

        assertEquals(0, keys.scan(new byte[] {16}, 1, fwd));
        assertEquals(2, keys.scan(new byte[] {'x', 0}, 1, fwd));
        assertEquals("[16, 120]", Arrays.toString(fwd.toByteArray()));
    }
}
