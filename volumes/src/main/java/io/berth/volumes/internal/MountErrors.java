package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;

/** The INVALID_ARGUMENT errors of mount parsing, worded as Docker words them. */
final class MountErrors {
    private MountErrors() {
    }

    static BerthException invalid(String object, String message) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, object, message);
    }

    /** Docker's {@code invalid mount config for type "bind": ...}. */
    static String config(String type, String detail) {
        return "invalid mount config for type \"" + type + "\": " + detail;
    }

    static String notAbsolute(String p) {
        return "invalid mount path: '" + p + "' mount path must be absolute";
    }

    static final String TARGET_IS_ROOT = "invalid specification: destination can't be '/'";

    /** Docker's target checks: not empty, not {@code /}, absolute; null when fine. */
    static String checkTarget(String target) {
        if (target == null || target.isEmpty()) {
            return "field Target must not be empty";
        }
        if (GoPaths.clean(target.replace('\\', '/')).equals("/")) {
            return TARGET_IS_ROOT;
        }
        if (!GoPaths.isAbs(target.replace('\\', '/'))) {
            return notAbsolute(target.replace('\\', '/'));
        }
        return null;
    }
}
