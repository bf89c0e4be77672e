package io.berth.scheduler.internal.api;

import io.berth.compose.BerthException;
import io.berth.scheduler.internal.engine.Progress;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Docker's progress stream (pull, push, import, load): newline-delimited JSON messages on a chunked response,
 * {@code {"status","progressDetail":{"current","total"},"progress","id"}}, {@code {"aux":{…}}},
 * {@code {"stream":"…"}}. The head goes out with the first message, so a failure before it is an ordinary HTTP
 * error (Docker does the same: {@code docker pull nosuch} gets a 404); a failure after it is Docker's
 * {@code {"errorDetail":{"message"},"error"}} line. Thread-safe; a slow client holds the writers back.
 */
final class ProgressStream implements Progress {
    private final HttpServerResponse response;
    private final Context context;
    private final BlockingWriter writer;
    private boolean started;

    ProgressStream(HttpServerResponse response) {
        this.response = response;
        this.context = Vertx.currentContext();
        response.setChunked(true).putHeader("Content-Type", "application/json");
        this.writer = new BlockingWriter(response);
        response.closeHandler(v -> writer.closed());
    }

    @Override
    public void status(String id, String status, long current, long total) {
        JsonObject m = new JsonObject().put("status", status);
        if (id != null) {
            JsonObject detail = new JsonObject();
            if (total >= 0) {
                detail.put("current", current).put("total", total);
                m.put("progressDetail", detail).put("progress", ProgressBar.render(current, total));
            } else {
                m.put("progressDetail", detail);
            }
            m.put("id", id);
        }
        send(m);
    }

    @Override
    public void aux(Map<String, Object> aux) {
        send(new JsonObject().put("progressDetail", new JsonObject()).put("aux", new JsonObject(aux)));
    }

    /** A {@code {"stream":"text"}} message (load's "Loaded image: busybox:latest\n"). */
    void stream(String text) {
        send(new JsonObject().put("stream", text));
    }

    synchronized boolean started() {
        return started;
    }

    private synchronized void send(JsonObject message) {
        started = true;
        try {
            writer.write(Buffer.buffer(message.encode() + "\n"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the stream: an error line when it failed after it started, else an HTTP error answer. */
    void finish(Throwable failure, ApiErrors errors) {
        boolean wasStarted = started();
        if (failure != null && wasStarted) {
            BerthException error = errors.classify(failure);
            JsonObject line = new JsonObject().put("errorDetail", new JsonObject().put("message", error.getMessage()))
                    .put("error", error.getMessage());
            send(line);
        }
        context.runOnContext(v -> {
            if (failure != null && !wasStarted) {
                errors.send(response, failure);
            } else if (!response.ended()) {
                response.end();
            }
        });
    }
}
