package io.berth.cli.client;

import com.fasterxml.jackson.jr.ob.JSON;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain maps, lists, strings, numbers and booleans, with jackson-jr (field order kept). The API's shapes
 * are Docker's, read as untyped trees: the command line only prints them, so typed wire classes would buy little
 * and cost class loading on every start.
 */
public final class Json {
    private static final JSON CODEC = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {
    }

    /** Parses one JSON value. */
    public static Object parse(String text) {
        try {
            return CODEC.anyFrom(text);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, "berthd", "the daemon sent JSON that cannot be read ("
                    + e.getMessage() + "); is it a berthd of the same version?", e);
        }
    }

    /** Parses one JSON value from {@code in} (read to its end). */
    public static Object parse(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Compact JSON, as Go's encoding/json writes it without HTML escaping. */
    public static String write(Object value) {
        try {
            return CODEC.asString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** The map at {@code value}, or an empty one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The list at {@code value}, or an empty one. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The string at {@code value}, or "". */
    public static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The number at {@code value}, or 0. */
    public static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** Follows {@code keys} through nested maps; null when one is missing. */
    public static Object path(Object value, String... keys) {
        Object v = value;
        for (String k : keys) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(k);
        }
        return v;
    }
}
