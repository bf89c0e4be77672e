package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local driver's options, checked as Docker's local driver checks them: only {@code type}, {@code device},
 * {@code o} (and {@code size}, refused: no quota support here); {@code type} and {@code device} go together, and
 * {@code o} needs both.
 */
public final class LocalDriverOptions {
    private static final Set<String> VALID = Set.of("type", "o", "device", "size");
    private static final Map<String, List<String>> MANDATORY = Map.of(
            "device", List.of("type"), "type", List.of("device"), "o", List.of("device", "type"));

    private LocalDriverOptions() {
    }

    public static void validate(String volume, Map<String, String> options) {
        for (String key : options.keySet().stream().sorted().toList()) {
            if (!VALID.contains(key)) {
                throw invalid(volume, "invalid option: \"" + key + "\": the local driver takes type, device and o");
            }
        }
        if (options.containsKey("size")) {
            throw invalid(volume, "quota size requested but no quota support: drop the size option (for a tmpfs "
                    + "volume use o=size=...)");
        }
        for (String key : List.of("device", "type", "o")) {
            if (options.containsKey(key)) {
                for (String required : MANDATORY.get(key)) {
                    if (!options.containsKey(required)) {
                        throw invalid(volume, "missing required option: \"" + required + "\"");
                    }
                }
            }
        }
    }

    private static BerthException invalid(String volume, String message) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, "volume " + volume, "create " + volume + ": "
                + message);
    }
}
