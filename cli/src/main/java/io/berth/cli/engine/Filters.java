package io.berth.cli.engine;

import io.berth.cli.client.Json;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Docker's {@code --filter key=value} flags as the API's {@code filters} parameter: {@code {"key":["value",...]}}. */
final class Filters {
    private Filters() {
    }

    /** The {@code filters} JSON, or null when no filter is given. */
    @SuppressWarnings("unchecked")
    static String json(List<String> filters) {
        if (filters.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, f, "bad format of filter (expected"
                        + " name=value): " + f);
            }
            ((List<Object>) m.computeIfAbsent(f.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT),
                    k -> new ArrayList<>())).add(f.substring(eq + 1));
        }
        return Json.write(m);
    }
}
