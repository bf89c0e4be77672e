package io.berth.cli.engine;

import io.berth.cli.client.EngineClient;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.client.Response;
import io.berth.compose.BerthException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /containers/{id}/wait?condition=next-exit|removed}, sent before the container starts (as docker
 * does) so its exit cannot be missed: the request runs on a thread of its own, and {@link #register} returns once
 * the daemon has answered the status line (the daemon sends it as soon as the waiter is registered, as Docker's
 * does) or after a short grace period.
 */
final class ExitWaiter {
    /**
     * How long start waits for the wait request's status line. berthd should send it as soon as the waiter is
     * registered (as Docker's daemon does); a daemon that answers only at the exit costs each run this much.
     */
    static final long REGISTER_GRACE_MS = 500;

    private final CountDownLatch registered = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile int status = -1;
    private volatile String error;
    private volatile BerthException failure;

    private ExitWaiter() {
    }

    static ExitWaiter register(EngineClient client, String id, boolean removed) {
        ExitWaiter w = new ExitWaiter();
        Request request = Request.post("/containers/" + Request.segment(id) + "/wait")
                .query("condition", removed ? "removed" : "next-exit");
        // A platform thread, not a virtual one: a virtual thread's blocking read starts the JDK's poller thread,
        // which then sits in epoll_wait (native code) until the end, and the JVM's exit (halt too) waits up to
        // 300 ms for threads in native code to stop: it cost every `berth run` ~300 ms (issue 4 benchmark).
        Thread.ofPlatform().daemon().name("berth-wait").start(() -> w.run(client, request));
        try {
            w.registered.await(REGISTER_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return w;
    }

    private void run(EngineClient client, Request request) {
        try (Response r = client.call(request)) {
            registered.countDown();
            var body = Json.map(r.json());
            status = (int) Json.number(body.get("StatusCode"));
            Object err = Json.map(body.get("Error")).get("Message");
            error = err == null || err.toString().isEmpty() ? null : err.toString();
        } catch (BerthException e) {
            failure = e;
        } finally {
            registered.countDown();
            done.countDown();
        }
    }

    /** The container's exit code, once it has exited (or been removed). */
    int await() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return status;
    }

    /** The daemon's error about waiting, if any ({@code Error.Message}). */
    String error() {
        return error;
    }
}
