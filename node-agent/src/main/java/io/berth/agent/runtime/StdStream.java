package io.berth.agent.runtime;

/** Which output stream a piece of output or a log line came from. */
public enum StdStream {
    STDOUT,
    STDERR
}
