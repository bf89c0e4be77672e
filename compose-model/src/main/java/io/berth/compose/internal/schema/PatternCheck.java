package io.berth.compose.internal.schema;

/** {@code pattern}: a string must contain a match of the regular expression (patterns are not anchored). */
final class PatternCheck implements Check {
    private final KeyPattern pattern;

    PatternCheck(KeyPattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public boolean check(Object value, JsonType type, Walk walk) {
        if (type == JsonType.STRING && !pattern.matches((String) value)) {
            walk.report(walk.probing() ? "" : Messages.pattern((String) value, pattern.source()));
        }
        return true;
    }
}
