package io.berth.scheduler.internal.api;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's {@code filters} query parameter: JSON {@code {"key":["v1","v2"]}} (or the older {@code
 * {"key":{"v1":true}}}). Values of one key are alternatives (OR); keys combine with AND. Unknown keys are an
 * INVALID_ARGUMENT error as in Docker ("invalid filter 'x'").
 */
record Filters(Map<String, List<String>> values) {

    static Filters parse(String text, Set<String> allowed) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new Filters(values);
        }
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, text, "invalid filters \"" + text + "\": "
                    + e.getMessage());
        }
        for (String key : json.fieldNames()) {
            if (!allowed.contains(key)) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, key, "invalid filter '" + key + "'");
            }
            Object value = json.getValue(key);
            List<String> list = new ArrayList<>();
            if (value instanceof JsonArray array) {
                array.forEach(v -> list.add(String.valueOf(v)));
            } else if (value instanceof JsonObject object) {
                list.addAll(object.fieldNames());
            } else if (value != null) {
                list.add(String.valueOf(value));
            }
            values.put(key, list);
        }
        return new Filters(values);
    }

    List<String> get(String key) {
        return values.getOrDefault(key, List.of());
    }

    boolean has(String key) {
        return !get(key).isEmpty();
    }

    /** Docker's label filter: each {@code k} or {@code k=v} must hold (AND across entries). */
    boolean labelsMatch(Map<String, String> labels) {
        for (String wanted : get("label")) {
            int eq = wanted.indexOf('=');
            Map<String, String> actual = labels == null ? Map.of() : labels;
            if (eq < 0 ? !actual.containsKey(wanted) : !wanted.substring(eq + 1).equals(actual.get(wanted.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }
}
