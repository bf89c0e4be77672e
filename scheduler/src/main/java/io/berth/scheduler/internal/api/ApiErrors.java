package io.berth.scheduler.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a failure into the API's error answer: the HTTP status of its {@link ErrorCategory} and a JSON body
 * {@code {"category","message","object"}}. Anything that is not a {@link BerthException} is a bug of ours:
 * INTERNAL, logged with its stack trace.
 */
public final class ApiErrors {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    private final ObjectMapper json;

    public ApiErrors(ObjectMapper json) {
        this.json = json;
    }

    public BerthException classify(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BerthException berth) {
            return berth;
        }
        if (cause instanceof IllegalArgumentException bad) {
            return new BerthException(ErrorCategory.INVALID_ARGUMENT, null, bad.getMessage(), bad);
        }
        LOG.log(Level.SEVERE, "internal error", cause);
        return new BerthException(ErrorCategory.INTERNAL, null, "internal error in berthd: " + cause
                + " (see berthd's log)", cause);
    }

    public void send(HttpServerResponse response, Throwable failure) {
        BerthException error = classify(failure);
        if (response.headWritten()) {
            response.reset();
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.put("category", error.category().name());
        body.put("message", error.getMessage());
        if (error.object() != null) {
            body.put("object", error.object());
        }
        response.setStatusCode(error.category().httpStatus())
                .putHeader("Content-Type", "application/json")
                .end(body.toString() + "\n");
    }
}
