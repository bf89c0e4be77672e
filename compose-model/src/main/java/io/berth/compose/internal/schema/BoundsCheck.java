package io.berth.compose.internal.schema;

/**
 * {@code minimum} and {@code maximum} (inclusive); either may be absent (NaN). Compared without
 * {@code BigDecimal}, whose first use costs tens of milliseconds on a cold JVM: see {@link JsonType#compare}.
 */
final class BoundsCheck implements Check {
    private final double minimum;
    private final double maximum;

    /** @param minimum the lower bound, or NaN for none; likewise {@code maximum} */
    BoundsCheck(double minimum, double maximum) {
        this.minimum = minimum;
        this.maximum = maximum;
    }

    @Override
    public boolean check(Object value, JsonType type, Walk walk) {
        if (type != JsonType.NUMBER) {
            return true;
        }
        if (!Double.isNaN(minimum) && JsonType.compare(value, minimum) < 0) {
            walk.report(Messages.minimum(minimum));
        }
        if (!Double.isNaN(maximum) && JsonType.compare(value, maximum) > 0) {
            walk.report(Messages.maximum(maximum));
        }
        return true;
    }
}
