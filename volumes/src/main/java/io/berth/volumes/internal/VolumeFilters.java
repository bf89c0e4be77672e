package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.volumes.Volume;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Docker's volume filters as predicates: {@code name} (exact, or a regular expression found anywhere),
 * {@code driver} (exact), {@code label}/{@code label!} ({@code k} or {@code k=v}; every {@code label} must match,
 * a volume matching every {@code label!} is left out), {@code dangling} (a consistent boolean).
 */
public final class VolumeFilters {
    public static final Set<String> LIST_KEYS = Set.of("dangling", "name", "driver", "label");
    public static final Set<String> PRUNE_KEYS = Set.of("label", "label!", "all");

    private VolumeFilters() {
    }

    /** INVALID_ARGUMENT {@code invalid filter 'x'} for a key not in {@code accepted}. */
    public static void validateKeys(Map<String, List<String>> filters, Set<String> accepted) {
        for (String key : filters.keySet()) {
            if (!accepted.contains(key)) {
                throw invalid("invalid filter '" + key + "'");
            }
        }
    }

    /**
     * The predicate of {@code name}, {@code driver}, {@code label} and {@code label!}; {@code dangling} is applied
     * by the caller (it needs usage).
     */
    public static Predicate<Volume> matcher(Map<String, List<String>> filters) {
        List<String> names = filters.getOrDefault("name", List.of());
        List<String> drivers = filters.getOrDefault("driver", List.of());
        List<String> labels = filters.getOrDefault("label", List.of());
        List<String> notLabels = filters.getOrDefault("label!", List.of());
        return v -> (names.isEmpty() || names.stream().anyMatch(n -> nameMatches(n, v.name())))
                && (drivers.isEmpty() || drivers.contains(v.driver()))
                && (labels.isEmpty() || matchKvList(labels, v.labels()))
                && (notLabels.isEmpty() || !matchKvList(notLabels, v.labels()));
    }

    /** The {@code dangling} filter: empty when absent, else true/false; INVALID_ARGUMENT when not a boolean. */
    public static java.util.Optional<Boolean> dangling(Map<String, List<String>> filters) {
        return booleanFilter(filters, "dangling");
    }

    /** A boolean filter ({@code dangling}, {@code all}): 1/true or 0/false, consistently. */
    public static java.util.Optional<Boolean> booleanFilter(Map<String, List<String>> filters, String key) {
        List<String> values = filters.get(key);
        if (values == null) {
            return java.util.Optional.empty();
        }
        boolean isTrue = values.contains("true") || values.contains("1");
        boolean isFalse = values.contains("false") || values.contains("0");
        if (isTrue == isFalse || values.stream().anyMatch(v -> !Set.of("true", "1", "false", "0").contains(v))) {
            throw invalid("invalid filter '" + key + "=" + String.join(",", values)
                    + "': use " + key + "=true or " + key + "=false");
        }
        return java.util.Optional.of(isTrue);
    }

    static boolean nameMatches(String filter, String name) {
        if (filter.equals(name)) {
            return true;
        }
        try {
            return Pattern.compile(filter).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** Docker's {@code MatchKVList}: each {@code k} or {@code k=v} present in {@code labels}. */
    static boolean matchKvList(List<String> wanted, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return false;
        }
        for (String w : wanted) {
            int eq = w.indexOf('=');
            String k = eq < 0 ? w : w.substring(0, eq);
            if (!labels.containsKey(k)) {
                return false;
            }
            if (eq >= 0 && !w.substring(eq + 1).equals(labels.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static BerthException invalid(String message) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, "filter", message);
    }
}
