package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.AttachSession;
import io.berth.agent.runtime.OutputHandler;
import io.berth.agent.runtime.StdStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client of conmon's attach socket (SOCK_SEQPACKET). Each packet from conmon is one byte naming the stream
 * (2 stdout, 3 stderr) followed by the data; what we send is written to the container's stdin as is. A reader
 * thread per session delivers output to the {@link OutputHandler}; closing shuts the socket down, which wakes the
 * reader. Resizes go through conmon's {@code ctl} FIFO ({@code "1 rows cols\n"}).
 */
class AttachClient implements AttachSession {
    private static final int CONMON_BUFFER = 32768;
    private static final int STDIN_CHUNK = 8192;

    private final NativeCalls calls;
    private final int fd;
    private final String ctlFifo;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    AttachClient(NativeCalls calls, int connectedFd, String ctlFifo, OutputHandler output, String threadName) {
        this.calls = calls;
        this.ctlFifo = ctlFifo;
        this.fd = connectedFd;
        Thread reader = new Thread(() -> readLoop(output), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(OutputHandler output) {
        byte[] buf = new byte[CONMON_BUFFER + 1];
        try {
            while (true) {
                int n = calls.read(fd, buf);
                if (n <= 0) {
                    break;
                }
                if (n > 1) {
                    output.onOutput(buf[0] == 3 ? StdStream.STDERR : StdStream.STDOUT, buf, 1, n - 1);
                }
            }
        } catch (IOException e) {
            // the socket went away: the output has ended
        } finally {
            try {
                output.onEnd();
            } finally {
                ended.countDown();
            }
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        for (int at = offset; at < offset + length; at += STDIN_CHUNK) {
            calls.write(fd, Arrays.copyOfRange(data, at, Math.min(offset + length, at + STDIN_CHUNK)));
        }
    }

    @Override
    public void closeStdin() {
        calls.shutdown(fd, NativeCalls.SHUT_WR);
    }

    @Override
    public void resize(int rows, int columns) throws IOException {
        if (ctlFifo == null || !calls.writeFifo(ctlFifo, "1 " + rows + " " + columns + "\n")) {
            throw new IOException("cannot resize: conmon's control FIFO is not open (" + ctlFifo + ")");
        }
    }

    @Override
    public void awaitOutputEnd() throws InterruptedException {
        ended.await();
    }

    boolean awaitOutputEnd(long millis) throws InterruptedException {
        return ended.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            calls.shutdown(fd, NativeCalls.SHUT_RDWR);
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            calls.close(fd);
        }
    }
}
