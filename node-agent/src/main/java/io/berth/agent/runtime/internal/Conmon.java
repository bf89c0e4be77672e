package io.berth.agent.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts conmon. conmon reports through inherited pipe fds named by {@code _OCI_SYNCPIPE} (and, for attached
 * execs, {@code _OCI_STARTPIPE}/{@code _OCI_ATTACHPIPE}). The JDK cannot hand a child extra fds, so conmon is
 * started by a small {@code sh}: conmon's fd 3 is the shell's stdout, a pipe to us. The JDK's spawn closes every
 * other fd, so conmon (which outlives berthd) holds none of berthd's sockets or files. The shell closes its own
 * copy of the pipe once conmon's first process has returned (conmon forks itself into the background, in a new
 * session, and so survives berthd) and then waits for its stdin to close: the JDK closes a child's pipes as soon as
 * the child exits, so the shell must outlive our reading; if berthd dies, the shell sees EOF and goes too.
 * The start pipe of an attached exec is a FIFO we hold open read-write (so nobody blocks opening it).
 */
final class Conmon {
    private static final String SCRIPT = "\"$0\" \"$@\" 3>&1 1>/dev/null </dev/null %s; s=$?; "
            + "exec 1>/dev/null; if [ $s = 0 ]; then read _ ; fi; exit $s";

    private final Path binary;
    private final ObjectMapper json;
    private final NativeCalls calls;

    Conmon(Path binary, ObjectMapper json, NativeCalls calls) {
        this.binary = binary;
        this.json = json;
        this.calls = calls;
    }

    /** A started conmon: the sync pipe, conmon's early stderr, and the start FIFO of an attached exec. */
    static final class Launch implements AutoCloseable {
        private final Process process;
        private final BufferedReader sync;
        private final NativeCalls calls;
        private final int startFd;
        private final ObjectMapper json;

        Launch(Process process, ObjectMapper json, NativeCalls calls, int startFd) {
            this.process = process;
            this.json = json;
            this.calls = calls;
            this.startFd = startFd;
            this.sync = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The next {@code {"data": N, "message": ...}} from the sync pipe; null at end of stream. */
        JsonNode nextSync() throws IOException {
            String line = sync.readLine();
            return line == null ? null : json.readTree(line);
        }

        /** What conmon printed on stderr before it went to the background (when it failed early). */
        String stderr() throws IOException {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        }

        /** Lets an attached exec go on (conmon reads its start pipe once before and once after we attach). */
        void signalStart() throws IOException {
            calls.write(startFd, new byte[] {'1'});
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                sync.close();
            } catch (IOException ignored) {
                // closing pipes of a process that is gone
            }
            if (startFd >= 0) {
                calls.close(startFd);
            }
        }
    }

    /**
     * Starts conmon with these arguments; {@code startFifo} is null, or the FIFO for an attached exec's start pipe
     * (the attach pipe then goes to /dev/null: we wait for the socket instead).
     */
    Launch start(List<String> args, Path startFifo) {
        String extra = startFifo == null ? "" : "4<\"$BERTH_START_FIFO\" 5>/dev/null";
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT.formatted(extra), binary.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("_OCI_SYNCPIPE", "3");
        int startFd = -1;
        try {
            if (startFifo != null) {
                startFd = calls.openFifoReadWrite(startFifo.toString());
                pb.environment().put("BERTH_START_FIFO", startFifo.toString());
                pb.environment().put("_OCI_STARTPIPE", "4");
                pb.environment().put("_OCI_ATTACHPIPE", "5");
            }
            return new Launch(pb.start(), json, calls, startFd);
        } catch (IOException e) {
            if (startFd >= 0) {
                calls.close(startFd);
            }
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "conmon",
                    "cannot start conmon (" + binary + "): " + e.getMessage() + "; install the conmon package", e);
        }
    }
}
