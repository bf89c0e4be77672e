package io.berth.compose.internal.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code uniqueItems} and {@code items} (one schema for every item, as in draft 2020-12), in that order. */
final class ArrayCheck implements Check {
    private final boolean uniqueItems;
    private final SchemaNode items;

    /** @param items the schema of every item, or null */
    ArrayCheck(boolean uniqueItems, SchemaNode items) {
        this.uniqueItems = uniqueItems;
        this.items = items;
    }

    @Override
    public boolean check(Object value, JsonType type, Walk walk) {
        if (type != JsonType.ARRAY) {
            return true;
        }
        List<?> array = (List<?>) value;
        if (uniqueItems && array.size() > 1) {
            checkUnique(array, walk);
        }
        if (items != null && !items.acceptsEverything()) {
            for (int i = 0; i < array.size(); i++) {
                walk.enter(i);
                items.validate(array.get(i), walk);
                walk.leave();
            }
        }
        return true;
    }

    /**
     * Reports the first item equal to an earlier one, with the first such earlier one, as jsonschema does:
     * comparing pairs for short arrays (no allocation), hashing canonical forms for long ones.
     */
    private static void checkUnique(List<?> array, Walk walk) {
        if (array.size() <= 20) {
            for (int i = 1; i < array.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (JsonType.jsonEquals(array.get(j), array.get(i))) {
                        walk.report(walk.probing() ? "" : Messages.duplicates(j, i));
                        return;
                    }
                }
            }
            return;
        }
        Map<Object, Integer> firstIndex = new HashMap<>(array.size() * 2);
        for (int i = 0; i < array.size(); i++) {
            Integer earlier = firstIndex.putIfAbsent(JsonType.canonical(array.get(i)), i);
            if (earlier != null) {
                walk.report(walk.probing() ? "" : Messages.duplicates(earlier, i));
                return;
            }
        }
    }
}
