package io.berth.agent.runtime;

import java.time.Instant;

/**
 * One log line as conmon stamped it: time, stream, and the text, ending in a newline unless the process ended
 * without one. Partial lines (conmon splits long lines and flushes on timeouts) are joined.
 */
public record LogEntry(Instant time, StdStream stream, String text) {
}
