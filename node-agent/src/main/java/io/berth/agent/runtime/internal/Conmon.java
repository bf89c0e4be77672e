package io.berth.agent.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts conmon. conmon reports through inherited pipe fds named by {@code _OCI_SYNCPIPE} (and, for attached
 * execs, {@code _OCI_STARTPIPE}/{@code _OCI_ATTACHPIPE}); the JDK cannot hand a child extra fds, so conmon is
 * started through {@code sh -c 'exec conmon ... 3>&1'}: the process's stdout becomes fd 3, the sync pipe. The
 * JDK's spawn closes every other fd, so conmon (which outlives berthd) holds none of berthd's sockets or files.
 * conmon forks itself into the background (new session, not our child once its parent exits), so it survives
 * berthd.
 */
final class Conmon {
    private final Path binary;
    private final ObjectMapper json;

    Conmon(Path binary, ObjectMapper json) {
        this.binary = binary;
        this.json = json;
    }

    /** A started conmon: the sync pipe (process stdout), its stdin (start pipe) and stderr (attach pipe). */
    static final class Launch implements AutoCloseable {
        private final Process process;
        private final BufferedReader sync;
        private final BufferedReader attach;
        private final ObjectMapper json;

        Launch(Process process, ObjectMapper json) {
            this.process = process;
            this.json = json;
            this.sync = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.attach = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        }

        /** The next {@code {"data": N, "message": ...}} from the sync pipe; null at end of stream. */
        JsonNode nextSync() throws IOException {
            String line = sync.readLine();
            return line == null ? null : json.readTree(line);
        }

        /** The next message from the attach pipe (attached execs only). */
        JsonNode nextAttach() throws IOException {
            String line = attach.readLine();
            return line == null ? null : json.readTree(line);
        }

        /** Whatever conmon printed on stderr (only when stderr is not the attach pipe). */
        String stderr() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (String l = attach.readLine(); l != null; l = attach.readLine()) {
                sb.append(l).append('\n');
            }
            return sb.toString().strip();
        }

        void signalStart() throws IOException {
            OutputStream out = process.getOutputStream();
            out.write('1');
            out.flush();
        }

        @Override
        public void close() {
            try {
                sync.close();
                attach.close();
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // closing pipes of a process that is gone
            }
        }
    }

    /**
     * Starts conmon with these arguments.
     *
     * @param attachedExec whether conmon gets a start pipe (stdin) and an attach pipe (stderr)
     */
    Launch start(List<String> args, boolean attachedExec) {
        String redirects = attachedExec ? "3>&1 4<&0 5>&2 1>/dev/null 2>/dev/null 0</dev/null" : "3>&1 1>/dev/null";
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" " + redirects,
                binary.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("_OCI_SYNCPIPE", "3");
        if (attachedExec) {
            pb.environment().put("_OCI_STARTPIPE", "4");
            pb.environment().put("_OCI_ATTACHPIPE", "5");
        } else {
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        try {
            return new Launch(pb.start(), json);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "conmon",
                    "cannot start conmon (" + binary + "): " + e.getMessage() + "; install the conmon package", e);
        }
    }
}
