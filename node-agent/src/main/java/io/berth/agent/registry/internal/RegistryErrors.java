package io.berth.agent.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns registry answers and transport failures into {@link BerthException}s worded as Docker words them
 * ({@code manifest unknown: manifest unknown}), naming the registry, and saying when a failure is transient.
 */
final class RegistryErrors {
    static final String TRANSIENT_DOWN = " (transient: retry when it is up)";
    static final String TRANSIENT = " (transient: retry later)";

    private RegistryErrors() {
    }

    /**
     * The registry's answer as Docker prints it: each {@code errors[]} entry as {@code code words: message}
     * ({@code MANIFEST_UNKNOWN} → {@code manifest unknown}), or the token server's {@code details}, or the
     * start of the body, or the HTTP status.
     */
    static String answer(ObjectMapper json, int status, byte[] body) {
        if (body != null && body.length > 0) {
            try {
                JsonNode root = json.readTree(body);
                List<String> parts = new ArrayList<>();
                for (JsonNode e : root.path("errors")) {
                    String code = e.path("code").asText("").toLowerCase(Locale.ROOT).replace('_', ' ');
                    String message = e.path("message").asText("");
                    parts.add(message.isEmpty() ? code : code.isEmpty() ? message : code + ": " + message);
                }
                if (!parts.isEmpty()) {
                    return String.join("; ", parts);
                }
                if (root.hasNonNull("details")) {
                    return root.get("details").asText();
                }
            } catch (IOException | RuntimeException notJson) {
                String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
                if (!text.isEmpty() && !text.startsWith("<")) {
                    return text;
                }
            }
        }
        return "HTTP status " + status;
    }

    /** An error for an unexpected HTTP status; {@code what} says what was being done ("manifest for x not found"). */
    static BerthException forStatus(String host, int status, String what, String answer, boolean hadCredentials) {
        String object = "registry " + host;
        return switch (status) {
            case 401 -> new BerthException(ErrorCategory.FAILED_PRECONDITION, object, what + ": "
                    + (answer.startsWith("HTTP") ? "unauthorized: authentication required" : answer)
                    + (hadCredentials
                            ? " (the credentials for " + host + " were refused: log in again with `berth login " + host + "`)"
                            : " (log in with `berth login " + host + "`)"));
            case 403 -> new BerthException(ErrorCategory.FAILED_PRECONDITION, object, what + ": "
                    + (answer.startsWith("HTTP") ? "denied: requested access to the resource is denied" : answer));
            case 404 -> new BerthException(ErrorCategory.NOT_FOUND, object, what + ": " + answer);
            case 408, 429, 500, 502, 503, 504 -> new BerthException(ErrorCategory.UNAVAILABLE, object,
                    what + ": registry " + host + " answered " + status + ": " + answer + TRANSIENT);
            default -> new BerthException(ErrorCategory.FAILED_PRECONDITION, object,
                    what + ": registry " + host + " answered " + status + ": " + answer);
        };
    }

    /** Connection refused, timeouts, resets: UNAVAILABLE, transient. */
    static BerthException unreachable(String host, IOException e) {
        String object = "registry " + host;
        if (e instanceof HttpConnectTimeoutException) {
            return new BerthException(ErrorCategory.UNAVAILABLE, object,
                    "registry " + host + " unreachable: connect timed out" + TRANSIENT_DOWN, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new BerthException(ErrorCategory.UNAVAILABLE, object,
                    "registry " + host + " did not answer in time: " + e.getMessage() + TRANSIENT, e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof ConnectException || root instanceof ConnectException) {
            String reason = root instanceof UnresolvedAddressException ? "unknown host" : "connection refused";
            return new BerthException(ErrorCategory.UNAVAILABLE, object,
                    "registry " + host + " unreachable: " + reason + TRANSIENT_DOWN, e);
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return new BerthException(ErrorCategory.UNAVAILABLE, object,
                "registry " + host + ": connection failed: " + message + TRANSIENT, e);
    }
}
