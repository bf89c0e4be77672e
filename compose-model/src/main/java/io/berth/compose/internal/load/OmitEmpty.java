package io.berth.compose.internal.load;

import io.berth.compose.internal.tree.Trees;

import java.util.List;
import java.util.Map;

/** Drops empty entries (null or "") where compose drops them: today only in {@code services.*.dns}. */
final class OmitEmpty {
    private OmitEmpty() {
    }

    static void apply(Map<String, Object> dict) {
        if (!(dict.get("services") instanceof Map<?, ?> services)) {
            return;
        }
        for (Object s : services.values()) {
            if (s instanceof Map<?, ?> svc && svc.get("dns") instanceof List<?> dns) {
                Trees.list(dns).removeIf(e -> e == null || "".equals(e));
            }
        }
    }
}
