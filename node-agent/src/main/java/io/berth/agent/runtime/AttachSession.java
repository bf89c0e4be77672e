package io.berth.agent.runtime;

import java.io.IOException;

/**
 * A live connection to a container's stdio through conmon's attach socket. Output goes to the
 * {@link OutputHandler} given when attaching; input is written here. Closing detaches; the container goes on.
 */
public interface AttachSession extends AutoCloseable {
    /** Writes to the container's stdin (which must have been opened: {@code openStdin}). */
    void write(byte[] data, int offset, int length) throws IOException;

    /** Ends the container's stdin (EOF), as the end of a piped input does for {@code docker attach}. */
    void closeStdin() throws IOException;

    /** Sets the terminal size (tty containers only). */
    void resize(int rows, int columns) throws IOException;

    /** Blocks until the output has ended (the process exited or conmon closed the socket). */
    void awaitOutputEnd() throws InterruptedException;

    @Override
    void close();
}
