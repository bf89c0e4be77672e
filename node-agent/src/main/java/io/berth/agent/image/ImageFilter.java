package io.berth.agent.image;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filters of {@code docker images --filter}: {@code dangling=true|false}, {@code label=KEY} or
 * {@code label=KEY=VALUE} (all must match), {@code reference=PATTERN} (any may match; Go path.Match globs
 * against the familiar name with and without tag), {@code before=IMAGE} and {@code since=IMAGE}.
 */
public record ImageFilter(Optional<Boolean> dangling, List<String> labels, List<String> references,
                          Optional<String> before, Optional<String> since) {
    public static final ImageFilter NONE = new ImageFilter(Optional.empty(), List.of(), List.of(),
            Optional.empty(), Optional.empty());

    public ImageFilter {
        labels = List.copyOf(labels);
        references = List.copyOf(references);
    }

    /** Parses {@code key=value} filter arguments as {@code --filter} takes them. */
    public static ImageFilter parse(List<String> args) {
        Optional<Boolean> dangling = Optional.empty();
        List<String> labels = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        Optional<String> before = Optional.empty();
        Optional<String> since = Optional.empty();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (key) {
                case "dangling" -> dangling = Optional.of(parseBool(value));
                case "label" -> labels.add(value);
                case "reference" -> refs.add(value);
                case "before" -> before = Optional.of(value);
                case "since" -> since = Optional.of(value);
                default -> throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "filter " + arg,
                        "invalid filter '" + key + "': images filter by dangling, label, reference, before or since");
            }
        }
        return new ImageFilter(dangling, labels, refs, before, since);
    }

    /** Whether the image's labels satisfy every label filter. */
    public boolean labelsMatch(Map<String, String> imageLabels) {
        for (String l : labels) {
            int eq = l.indexOf('=');
            if (eq < 0 ? !imageLabels.containsKey(l) : !l.substring(eq + 1).equals(imageLabels.get(l.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean parseBool(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "filter dangling=" + value,
                    "invalid filter 'dangling=" + value + "': use dangling=true or dangling=false");
        };
    }
}
