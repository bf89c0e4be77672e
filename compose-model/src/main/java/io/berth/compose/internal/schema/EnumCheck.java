package io.berth.compose.internal.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code enum}: the value must equal one of the listed values (JSON equality). A failure stops the node. */
final class EnumCheck implements Check {
    private final Set<Object> allowed;
    private final String message;

    EnumCheck(List<Object> values) {
        this.allowed = new HashSet<>();
        for (Object value : values) {
            allowed.add(JsonType.canonical(value));
        }
        this.message = Messages.enumFailed(values);
    }

    @Override
    public boolean check(Object value, JsonType type, Walk walk) {
        boolean simple = type == JsonType.STRING || type == JsonType.BOOLEAN || type == JsonType.NULL;
        if (allowed.contains(simple ? value : JsonType.canonical(value))) {
            return true;
        }
        walk.report(message);
        return false;
    }
}
