package io.berth.scheduler.internal.api;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits framed stdin ({@code [0, 0, 0, 0, size (big-endian uint32)]} + payload, size 0 = end of stdin) into
 * payloads, across chunk boundaries. Not thread-safe: one connection's chunks arrive in order.
 */
final class StdinFrames {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** The complete payloads in {@code chunk} plus what came before; an empty array marks the end of stdin. */
    List<byte[]> feed(byte[] chunk) {
        pending.write(chunk, 0, chunk.length);
        byte[] all = pending.toByteArray();
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (all.length - i >= 8) {
            int size = ((all[i + 4] & 0xff) << 24) | ((all[i + 5] & 0xff) << 16) | ((all[i + 6] & 0xff) << 8)
                    | (all[i + 7] & 0xff);
            if (size < 0 || all.length - i - 8 < size) {
                break;
            }
            out.add(Arrays.copyOfRange(all, i + 8, i + 8 + size));
            i += 8 + size;
        }
        pending.reset();
        pending.write(all, i, all.length - i);
        return out;
    }
}
