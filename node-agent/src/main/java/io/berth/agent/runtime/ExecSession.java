package io.berth.agent.runtime;

import java.time.Duration;

/** An interactive exec: an {@link AttachSession} whose process has an exit code. */
public interface ExecSession extends AttachSession {
    /** The exec id (for logs and errors). */
    String execId();

    /** Waits for the process to exit and returns its exit code; throws UNAVAILABLE on timeout. */
    int awaitExit(Duration timeout) throws InterruptedException;
}
