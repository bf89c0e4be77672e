package io.berth.compose.internal.schema;

/** The schema {@code false}: nothing is valid. */
final class FalseCheck implements Check {
    @Override
    public boolean check(Object value, JsonType type, Walk walk) {
        walk.report(Messages.falseSchema());
        return false;
    }
}
