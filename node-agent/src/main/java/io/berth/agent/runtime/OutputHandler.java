package io.berth.agent.runtime;

/**
 * Receives a container's (or exec session's) output while attached, on the session's reader thread. With a tty
 * everything arrives as {@link StdStream#STDOUT}. {@link #onEnd()} is called once, when the output ends.
 */
public interface OutputHandler {
    void onOutput(StdStream stream, byte[] data, int offset, int length);

    default void onEnd() {
    }
}
