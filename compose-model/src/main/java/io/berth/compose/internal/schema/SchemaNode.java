package io.berth.compose.internal.schema;

import java.util.List;

/**
 * One compiled schema: its checks in jsonschema's order (type, enum, $ref, object, array, string and number
 * keywords, oneOf). Immutable once the compiler has linked every {@code $ref}; safe to share between threads.
 */
final class SchemaNode {
    private final String location;
    private final Check[] checks;

    SchemaNode(String location, List<Check> checks) {
        this.location = location;
        this.checks = checks.toArray(new Check[0]);
    }

    /** The JSON pointer of this schema in its document, such as {@code #/$defs/service}. */
    String location() {
        return location;
    }

    List<Check> checks() {
        return List.of(checks);
    }

    /** True for {@code {}}, {@code true} and schemas made only of annotations. */
    boolean acceptsEverything() {
        return checks.length == 0;
    }

    void validate(Object value, Walk walk) {
        JsonType type = JsonType.of(value);
        if (type == JsonType.INVALID) {
            walk.report(Messages.invalidValue(value));
            return;
        }
        for (Check check : checks) {
            if (!check.check(value, type, walk)) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return location;
    }
}
