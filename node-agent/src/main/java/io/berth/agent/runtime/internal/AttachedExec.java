package io.berth.agent.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.agent.runtime.ExecSession;
import io.berth.agent.runtime.OutputHandler;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An attached exec: the attach client plus conmon's sync pipe, read on a thread for the pid and exit code. */
final class AttachedExec extends AttachClient implements ExecSession {
    private final String execId;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    AttachedExec(RuntimeContext ctx, String execId, Path dir, Conmon.Launch launch, OutputHandler output, int fd) {
        super(ctx.calls(), fd, dir.resolve("ctl").toString(), output, "berth-exec-" + execId);
        this.execId = execId;
        Thread t = new Thread(() -> {
            try (launch) {
                JsonNode first = launch.nextSync();
                JsonNode end = first == null || first.path("data").asInt(-1) <= 0 ? first : launch.nextSync();
                exit.complete(end == null ? -1 : end.path("data").asInt(-1));
            } catch (IOException | RuntimeException e) {
                exit.completeExceptionally(e);
            } finally {
                Cleaner.deleteQuietly(ctx.paths().socketDir().resolve(execId));
                Cleaner.deleteTree(dir);
            }
        }, "berth-exec-sync-" + execId);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public String execId() {
        return execId;
    }

    @Override
    public int awaitExit(Duration timeout) throws InterruptedException {
        try {
            return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BerthException(ErrorCategory.UNAVAILABLE, "exec " + execId,
                    "exec " + execId + " still runs after " + timeout + ": wait longer or kill it", e);
        } catch (ExecutionException e) {
            throw new BerthException(ErrorCategory.INTERNAL, "exec " + execId, "exec " + execId + " failed", e);
        }
    }
}
