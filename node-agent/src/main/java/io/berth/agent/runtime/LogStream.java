package io.berth.agent.runtime;

import java.io.IOException;

/**
 * Log entries in order. {@link #next()} blocks while following; it returns null at the end (not following: end of
 * the log; following: the container exited and its log is drained, or {@link #close()} was called from another
 * thread).
 */
public interface LogStream extends AutoCloseable {
    LogEntry next() throws IOException, InterruptedException;

    @Override
    void close();
}
