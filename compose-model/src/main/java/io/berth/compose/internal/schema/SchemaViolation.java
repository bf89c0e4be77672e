package io.berth.compose.internal.schema;

import java.util.List;
import java.util.Objects;

/**
 * One way a document breaks the schema: where, and what is wrong, worded as compose-go words it.
 *
 * @param path    the keys (String) and list indexes (Integer) from the document root to the offending value;
 *                empty for the root. For an unknown key it is the object holding the key, not the key itself.
 * @param message what is wrong, without the path: {@code must be a string},
 *                {@code additional properties 'foo' not allowed}, {@code missing property 'condition'}
 */
public record SchemaViolation(List<Object> path, String message) {
    public SchemaViolation {
        path = List.copyOf(path);
        Objects.requireNonNull(message, "message");
        for (Object token : path) {
            if (!(token instanceof String || token instanceof Integer)) {
                throw new IllegalArgumentException("a path token is a String key or an Integer index: " + token);
            }
        }
    }

    /** The path as compose-go prints it: tokens joined by dots, indexes as plain numbers ({@code services.web.ports.0}). */
    public String pathString() {
        StringBuilder out = new StringBuilder();
        for (Object token : path) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(token);
        }
        return out.toString();
    }

    /**
     * The whole line compose-go prints after {@code validating <file>: }: the path, a space, the message
     * ({@code services.web additional properties 'foo' not allowed}); just the message at the root.
     */
    public String describe() {
        return path.isEmpty() ? message : pathString() + " " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
