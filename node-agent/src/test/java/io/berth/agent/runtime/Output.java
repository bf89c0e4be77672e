package io.berth.agent.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Collects attach output per stream, for tests. */
final class Output implements OutputHandler {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Override
    public synchronized void onOutput(StdStream stream, byte[] data, int offset, int length) {
        (stream == StdStream.STDOUT ? out : err).write(data, offset, length);
    }

    synchronized String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    synchronized String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
