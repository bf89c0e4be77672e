package io.berth.scheduler.internal.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StdinFramesTest {
    @Test
    void framesSplitAcrossChunksComeOutWholeAndAnEmptyFrameEndsStdin() {
        StdinFrames frames = new StdinFrames();
        assertEquals(0, frames.feed(new byte[] {0, 0, 0, 0, 0}).size());
        List<byte[]> first = frames.feed(new byte[] {0, 0, 3, 'a', 'b'});
        assertEquals(0, first.size());
        List<byte[]> rest = frames.feed(new byte[] {'c', 0, 0, 0, 0, 0, 0, 0, 0});
        assertEquals(2, rest.size());
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, rest.get(0));
        assertEquals(0, rest.get(1).length);
    }
}
