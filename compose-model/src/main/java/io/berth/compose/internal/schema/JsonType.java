package io.berth.compose.internal.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The JSON type of a document value, and the JSON notions of "integer" and equality on plain Java trees.
 * {@code INTEGER} is never the type of a value: every number is a {@code NUMBER}, and a schema's
 * {@code "integer"} accepts a number for which {@link #isIntegral} holds (as JSON Schema and compose-go do).
 */
enum JsonType {
    NULL("null"),
    BOOLEAN("boolean"),
    OBJECT("object"),
    ARRAY("array"),
    NUMBER("number"),
    STRING("string"),
    INTEGER("integer"),
    /** A Java object that no JSON value maps to, such as a {@code java.util.Date}. */
    INVALID("invalid");

    private final String schemaName;

    JsonType(String schemaName) {
        this.schemaName = schemaName;
    }

    String schemaName() {
        return schemaName;
    }

    static JsonType named(String name) {
        for (JsonType type : values()) {
            if (type != INVALID && type.schemaName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    static JsonType of(Object value) {
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Map<?, ?>) {
            return OBJECT;
        }
        if (value instanceof List<?>) {
            return ARRAY;
        }
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (isNumber(value)) {
            return NUMBER;
        }
        return INVALID;
    }

    private static boolean isNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Float
                || value instanceof Short || value instanceof Byte;
    }

    /** Whether a number has an integral value: {@code 3}, {@code 3.0}, but not {@code 3.5} nor NaN. */
    static boolean isIntegral(Object number) {
        if (number instanceof Double || number instanceof Float) {
            double d = ((Number) number).doubleValue();
            return !Double.isInfinite(d) && d == Math.rint(d);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
        }
        return true;
    }

    /**
     * Compares a number with a bound: negative if below, zero if equal, positive if above; zero for NaN, which
     * is neither. Exact for every integer (where {@code (double) long} would round) and for doubles.
     */
    static int compare(Object number, double bound) {
        if (number instanceof Double || number instanceof Float) {
            double d = ((Number) number).doubleValue();
            return d < bound ? -1 : d > bound ? 1 : 0; // NaN compares as neither
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            long value = ((Number) number).longValue();
            if (bound >= 0x1p63) {
                return -1;
            }
            if (bound < -0x1p63) {
                return 1;
            }
            long floor = (long) Math.floor(bound);
            if (value != floor) {
                return Long.compare(value, floor);
            }
            return floor == bound ? 0 : -1;
        }
        BigDecimal decimal = decimal(number); // BigInteger or BigDecimal: rare, and exact
        return decimal == null ? 0 : decimal.compareTo(new BigDecimal(bound));
    }

    /** A finite number as an exact decimal, or null for NaN and infinities. */
    static BigDecimal decimal(Object number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return BigDecimal.valueOf(((Number) number).longValue());
        }
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        double d = ((Number) number).doubleValue();
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }

    /** JSON equality: {@code canonical(a).equals(canonical(b))}, without allocating for strings and scalars. */
    static boolean jsonEquals(Object a, Object b) {
        if (a instanceof String || b instanceof String || a instanceof Boolean || a == null || b == null) {
            return a == null ? b == null : a.equals(b);
        }
        JsonType type = of(a);
        if (type != of(b)) {
            return false;
        }
        if (type == NUMBER) {
            return canonicalNumber(a).equals(canonicalNumber(b));
        }
        if (type == ARRAY) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!jsonEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return canonical(a).equals(canonical(b));
    }

    /**
     * A value whose {@code equals} and {@code hashCode} are JSON equality: numbers compare by value
     * ({@code 1} equals {@code 1.0}), objects by their entries whatever the order, arrays item by item.
     */
    static Object canonical(Object value) {
        return switch (of(value)) {
            case NUMBER -> canonicalNumber(value);
            case OBJECT -> {
                Map<?, ?> map = (Map<?, ?>) value;
                Map<String, Object> canonical = new java.util.HashMap<>(map.size() * 2);
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    canonical.put(String.valueOf(entry.getKey()), canonical(entry.getValue()));
                }
                yield canonical;
            }
            case ARRAY -> {
                List<?> list = (List<?>) value;
                List<Object> canonical = new java.util.ArrayList<>(list.size());
                for (Object item : list) {
                    canonical.add(canonical(item));
                }
                yield canonical;
            }
            default -> value;
        };
    }

    /**
     * Equal numbers map to equal objects: a {@code Long} for every integral value that fits one ({@code 80},
     * {@code 80.0}), else a {@code Double}; only values beyond both fall back to an exact {@code BigDecimal}.
     */
    private static Object canonicalNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
                return (long) d;
            }
            return d;
        }
        BigDecimal decimal = decimal(value);
        if (decimal.signum() == 0) {
            return 0L;
        }
        decimal = decimal.stripTrailingZeros();
        if (decimal.scale() <= 0 && decimal.toBigInteger().bitLength() < 64) {
            return decimal.longValue();
        }
        double d = decimal.doubleValue();
        return new BigDecimal(d).compareTo(decimal) == 0 ? (Object) d : decimal;
    }
}
