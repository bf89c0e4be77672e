package io.berth.agent.runtime;

import java.time.Instant;

/**
 * Docker's {@code logs} options: follow, {@code tail} (-1: all), since/until (null: unbounded), which streams.
 */
public record LogQuery(boolean follow, int tail, Instant since, Instant until, boolean stdout, boolean stderr) {
    public static LogQuery all() {
        return new LogQuery(false, -1, null, null, true, true);
    }

    public LogQuery withFollow(boolean value) {
        return new LogQuery(value, tail, since, until, stdout, stderr);
    }

    public LogQuery withTail(int value) {
        return new LogQuery(follow, value, since, until, stdout, stderr);
    }
}
