package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.CommandFailure;
import io.berth.cli.client.DaemonError;
import io.berth.cli.client.EngineClient;
import io.berth.cli.client.Request;
import io.berth.compose.BerthException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code run} (without {@code -d}) and {@code start -a} share: attach to the container's streams, register
 * the exit waiter, start it, size its terminal, copy the streams until they end, and return its exit code
 * (or 0 when the user detached).
 */
final class ContainerSession {
    /** How to attach. */
    record Options(boolean tty, boolean stdin, boolean stdout, boolean stderr, String detachKeys, boolean sigProxy,
                   boolean waitRemoved, boolean start) {
    }

    private final CliContext ctx;
    private final EngineClient client;
    private final PrintWriter err;

    ContainerSession(CliContext ctx, EngineClient client, PrintWriter err) {
        this.ctx = ctx;
        this.client = client;
        this.err = err;
    }

    /** Runs the session for container {@code id}; errors of start exit 125 (126/127 for a bad command) when run. */
    int run(String id, Options o, boolean runExitCodes) throws IOException {
        String path = "/containers/" + Request.segment(id);
        DetachKeys keys = DetachKeys.parse(o.detachKeys() == null ? DetachKeys.DEFAULT : o.detachKeys());
        AttachSession session = null;
        if (o.stdin() || o.stdout() || o.stderr()) {
            Request attach = Request.get(path + "/attach").flag("stream", true).flag("stdin", o.stdin())
                    .flag("stdout", o.stdout()).flag("stderr", o.stderr()).query("detachKeys", o.detachKeys());
            session = wrap(() -> AttachSession.open(client, attach, ctx.console(), o.tty(), keys), runExitCodes);
        }
        Terminal raw = null;
        try {
            ExitWaiter waiter = ExitWaiter.register(client, id, o.waitRemoved());
            if (o.start()) {
                wrap(() -> {
                    client.exec(Request.post(path + "/start"));
                    return null;
                }, runExitCodes);
            }
            if (o.tty() && o.stdin() && ctx.console().inTerminal()) {
                raw = Terminal.raw();
            }
            if (o.tty()) {
                resize(path);
                Terminal.onResize(() -> resize(path));
            } else if (o.sigProxy()) {
                SignalProxy.install(client, path);
            }
            if (session != null) {
                if (o.stdin()) {
                    session.startInput();
                }
                session.pumpOutput();
                if (session.detached()) {
                    return 0;
                }
            }
            int status = waiter.await();
            if (waiter.error() != null) {
                err.println(waiter.error());
                return 125;
            }
            return status;
        } finally {
            if (raw != null) {
                raw.restore();
            }
            if (session != null) {
                session.close();
            }
        }
    }

    private void resize(String path) {
        int[] size = Terminal.size();
        if (size != null) {
            try {
                client.exec(Request.post(path + "/resize").query("h", size[0]).query("w", size[1]));
            } catch (BerthException e) {
                // the container may have exited already: nothing to resize
            }
        }
    }

    /** A step of run: the daemon's errors become docker's exit codes 125, 126 or 127. */
    static <T> T wrap(Step<T> step, boolean runExitCodes) {
        try {
            return step.get();
        } catch (DaemonError e) {
            if (!runExitCodes) {
                throw e;
            }
            throw new CommandFailure(exitCodeOf(e.getMessage()), e);
        }
    }

    /** Docker's rule: "not found"-like messages 127, "permission denied"/"is a directory" 126, else 125. */
    static int exitCodeOf(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        for (String s : List.of("executable file not found", "no such file or directory",
                "system cannot find the file specified")) {
            if (m.contains(s)) {
                return 127;
            }
        }
        if (m.contains("permission denied") || m.contains("is a directory")) {
            return 126;
        }
        return 125;
    }

    /** One step that may fail with a daemon error. */
    @FunctionalInterface
    interface Step<T> {
        T get();
    }
}
