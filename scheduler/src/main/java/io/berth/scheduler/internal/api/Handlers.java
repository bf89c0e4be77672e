package io.berth.scheduler.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * The few ways a route answers: run blocking work on the engine's worker pool (never on the event loop) and
 * send its result as JSON, or an empty status; failures become {@link ApiErrors} answers.
 */
public final class Handlers {
    private final WorkerExecutor workers;
    private final ObjectMapper json;
    private final ApiErrors errors;

    public Handlers(WorkerExecutor workers, ObjectMapper json, ApiErrors errors) {
        this.workers = workers;
        this.json = json;
        this.errors = errors;
    }

    public ObjectMapper json() {
        return json;
    }

    public ApiErrors errors() {
        return errors;
    }

    public WorkerExecutor workers() {
        return workers;
    }

    /** Runs {@code work} on a worker thread and answers {@code status} with its result as JSON. */
    public <T> void json(RoutingContext ctx, int status, Callable<T> work) {
        workers.executeBlocking(work, false).onComplete(result -> {
            if (result.failed()) {
                errors.send(ctx.response(), result.cause());
                return;
            }
            try {
                ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(json.writeValueAsString(result.result()) + "\n");
            } catch (JsonProcessingException e) {
                errors.send(ctx.response(), e);
            }
        });
    }

    /** Runs {@code work} on a worker thread and answers {@code status} with no body. */
    public void empty(RoutingContext ctx, int status, Callable<?> work) {
        workers.executeBlocking(work, false).onComplete(result -> {
            if (result.failed()) {
                errors.send(ctx.response(), result.cause());
            } else {
                ctx.response().setStatusCode(status).end();
            }
        });
    }

    /** The request body as a {@code type}; INVALID_ARGUMENT naming the problem when it does not parse. */
    public <T> T body(RoutingContext ctx, Class<T> type) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            text = "{}";
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, ctx.request().path(),
                    "invalid JSON body for " + ctx.request().method() + " " + ctx.request().path() + ": "
                            + e.getOriginalMessage());
        }
    }

    /** A boolean query parameter as Docker reads them: 1/true/True are true. */
    public static boolean flag(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }
}
