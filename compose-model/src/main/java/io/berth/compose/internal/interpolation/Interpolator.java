package io.berth.compose.internal.interpolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Interpolates a whole parsed compose file, as compose-go's {@code interpolation.Interpolate} with the loader's
 * type casts. Every string value, however deep, goes through {@link Template}; map keys are left as they are
 * (compose-go does not interpolate them either); numbers, booleans and nulls are copied. Then the values at the
 * paths of {@link TypeCasts} become typed.
 *
 * <p>The input is not modified: the result is a new tree of {@link LinkedHashMap}s and {@link ArrayList}s in the
 * same order. Values are visited in document order and the first failure is thrown, with its path.
 */
public final class Interpolator {
    private final Function<String, String> lookup;
    private final Consumer<String> warnings;
    private final TypeCasts casts;

    private Interpolator(Function<String, String> lookup, Consumer<String> warnings, TypeCasts casts) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.casts = Objects.requireNonNull(casts, "casts");
    }

    /** Interpolates with compose-go's type casts and no warnings. */
    public static LinkedHashMap<String, Object> interpolate(Map<String, ?> tree, Function<String, String> lookup) {
        return interpolate(tree, lookup, warning -> { });
    }

    /**
     * Interpolates with compose-go's type casts; {@code warnings} receives compose-go's warnings, word for word:
     * unset variables replaced by an empty string and YAML 1.1 booleans such as {@code "yes"}.
     */
    public static LinkedHashMap<String, Object> interpolate(Map<String, ?> tree, Function<String, String> lookup,
                                                            Consumer<String> warnings) {
        return interpolate(tree, lookup, warnings, TypeCasts.compose());
    }

    /**
     * Interpolates with the given casts.
     *
     * @param lookup the value of a variable, {@code null} when unset
     * @throws InterpolationException with {@link InterpolationException#path()} set to the failing value
     */
    public static LinkedHashMap<String, Object> interpolate(Map<String, ?> tree, Function<String, String> lookup,
                                                            Consumer<String> warnings, TypeCasts casts) {
        return new Interpolator(lookup, warnings, casts).map(tree, new ArrayList<>());
    }

    private LinkedHashMap<String, Object> map(Map<?, ?> map, List<Object> path) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            path.add(key);
            out.put(key, value(e.getValue(), path));
            path.remove(path.size() - 1);
        }
        return out;
    }

    private List<Object> list(List<?> list, List<Object> path) {
        List<Object> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            path.add(i);
            out.add(value(list.get(i), path));
            path.remove(path.size() - 1);
        }
        return out;
    }

    private Object value(Object value, List<Object> path) {
        if (value instanceof String s) {
            return string(s, path);
        }
        if (value instanceof Map<?, ?> m) {
            return map(m, path);
        }
        if (value instanceof List<?> l) {
            return list(l, path);
        }
        return value;
    }

    private Object string(String s, List<Object> path) {
        try {
            String substituted = Template.substitute(s, lookup, name -> warnings.accept(Template.unsetWarning(name)));
            TypeCasts.Cast cast = casts.forPath(path);
            return cast == null ? substituted : cast.apply(substituted, warnings);
        } catch (InterpolationException e) {
            throw e.at(path);
        }
    }
}
