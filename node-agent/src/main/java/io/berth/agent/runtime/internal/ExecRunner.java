package io.berth.agent.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.agent.runtime.ExecResult;
import io.berth.agent.runtime.ExecSession;
import io.berth.agent.runtime.LogEntry;
import io.berth.agent.runtime.LogQuery;
import io.berth.agent.runtime.OutputHandler;
import io.berth.agent.runtime.ProcessConfig;
import io.berth.agent.runtime.StdStream;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs processes in a running container through {@code conmon --exec}: the process spec is the container's own
 * (capabilities, rlimits, seccomp stay as the container has them) with args, env, cwd, user and terminal replaced.
 * conmon reports the pid and later the exit code on the sync pipe; output goes to a per-exec k8s-file log (captured
 * execs) or through the exec's own attach socket (attached execs, which conmon holds back until we connected).
 */
final class ExecRunner {
    private static final long ATTACH_TIMEOUT_NANOS = 10_000_000_000L;
    private final RuntimeContext ctx;

    ExecRunner(RuntimeContext ctx) {
        this.ctx = ctx;
    }

    private Path prepare(String id, String execId, ProcessConfig process) throws IOException {
        OciSpec spec = ctx.json().readValue(ctx.paths().dir(id).resolve("config.json").toFile(), OciSpec.class);
        var user = UserResolver.resolve(Path.of(spec.root().path()), process.user());
        String hostname = spec.hostname() == null ? "" : spec.hostname();
        OciSpec.Process base = spec.process();
        OciSpec.Process p = new OciSpec.Process(process.tty(),
                new OciSpec.User(user.uid(), user.gid(), user.additionalGids().isEmpty() ? null : user.additionalGids()),
                process.args(), OciSpecWriter.env(process, user, hostname), process.workingDir(), base.capabilities(),
                base.rlimits(), base.noNewPrivileges(), null);
        Path dir = ctx.paths().execDir(id, execId);
        Files.createDirectories(dir);
        ctx.json().writeValue(dir.resolve("process.json").toFile(), p);
        return dir;
    }

    private List<String> args(String id, String execId, Path dir, ProcessConfig process) {
        List<String> args = ContainerCreator.commonArgs(ctx, id, execId);
        args.addAll(List.of("-e", "--exec-process-spec", dir.resolve("process.json").toString(),
                "-p", dir.resolve("pid").toString(), "-l", "k8s-file:" + dir.resolve("log")));
        if (process.tty()) {
            args.add("-t");
        }
        if (process.openStdin()) {
            args.add("-i");
        }
        return args;
    }

    ExecResult exec(String id, ProcessConfig process, Duration timeout) {
        String execId = ctx.ids().get();
        Path dir = null;
        try {
            dir = prepare(id, execId, process);
            try (Conmon.Launch launch = ctx.conmon().start(args(id, execId, dir, process), null)) {
                int pid = expectPid(id, launch.nextSync(), launch);
                CompletableFuture<Void> killer = new CompletableFuture<>();
                killer.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .thenRun(() -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                JsonNode end = launch.nextSync();
                killer.cancel(false);
                int code = end == null ? -1 : end.path("data").asInt(-1);
                return collect(code, dir.resolve("log"));
            }
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, "container " + id, "exec in " + id + " failed: " + e, e);
        } finally {
            if (dir != null) {
                Cleaner.deleteTree(dir);
            }
        }
    }

    private static int expectPid(String id, JsonNode first, Conmon.Launch launch) throws IOException {
        if (first == null || first.path("data").asInt(-1) <= 0) {
            String why = first != null ? first.path("message").asText("") : "";
            throw new BerthException(ErrorCategory.CONFLICT, "container " + id,
                    "cannot exec in container " + id + ": " + why.strip() + " (is it running?)");
        }
        return first.path("data").asInt();
    }

    private static ExecResult collect(int code, Path log) throws IOException {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        try (K8sLogStream s = new K8sLogStream(log, LogQuery.all(), () -> true)) {
            for (LogEntry e = s.next(); e != null; e = s.next()) {
                (e.stream() == StdStream.STDOUT ? out : err).append(e.text());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ExecResult(code, out.toString(), err.toString());
    }

    /** conmon makes the exec's attach socket before it runs the process; connect as soon as it listens. */
    private int connectWhenReady(String id, String execId) throws IOException {
        long deadline = System.nanoTime() + ATTACH_TIMEOUT_NANOS;
        String dir = ctx.paths().socketDir().resolve(execId).toString();
        while (true) {
            try {
                return ctx.calls().connectSeqpacket(dir, "attach");
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new BerthException(ErrorCategory.UNAVAILABLE, "container " + id, "exec in container " + id
                            + ": conmon's attach socket did not appear within 10 s (" + e.getMessage()
                            + "); the host may be overloaded, try again", e);
                }
                LockSupport.parkNanos(2_000_000L);
            }
        }
    }

    ExecSession execAttached(String id, ProcessConfig process, OutputHandler output) {
        String execId = ctx.ids().get();
        Path dir = null;
        try {
            dir = prepare(id, execId, process);
            List<String> args = args(id, execId, dir, process);
            args.addAll(List.of("--exec-attach", "-b", dir.toString(), "--socket-dir-path",
                    ctx.paths().socketDir().toString()));
            Conmon.Launch launch = ctx.conmon().start(args, dir.resolve("start"));
            try {
                launch.signalStart();
                int fd = connectWhenReady(id, execId);
                var session = new AttachedExec(ctx, execId, dir, launch, output, fd);
                launch.signalStart();
                return session;
            } catch (IOException | RuntimeException e) {
                launch.close();
                throw e;
            }
        } catch (IOException e) {
            if (dir != null) {
                Cleaner.deleteTree(dir);
            }
            throw new BerthException(ErrorCategory.INTERNAL, "container " + id, "exec in " + id + " failed: " + e, e);
        }
    }
}
