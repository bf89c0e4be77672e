package io.berth.compose.internal.schema;

import java.util.List;

/** {@code type}: one type name or several. A failure stops the node's other checks. */
final class TypeCheck implements Check {
    private final int accepted;
    private final boolean integerOnly;
    private final String message;

    TypeCheck(List<JsonType> types) {
        int mask = 0;
        for (JsonType type : types) {
            mask |= 1 << type.ordinal();
        }
        this.accepted = mask;
        this.integerOnly = (mask & bit(JsonType.INTEGER)) != 0 && (mask & bit(JsonType.NUMBER)) == 0;
        this.message = Messages.mustBe(types);
    }

    private static int bit(JsonType type) {
        return 1 << type.ordinal();
    }

    @Override
    public boolean check(Object value, JsonType type, Walk walk) {
        if ((accepted & bit(type)) != 0 || type == JsonType.NUMBER && integerOnly && JsonType.isIntegral(value)) {
            return true;
        }
        walk.report(message);
        return false;
    }
}
