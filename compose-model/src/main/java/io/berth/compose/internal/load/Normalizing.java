package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;

import java.util.Locale;

/** Project names as compose normalizes and validates them, and Go's boolean parsing for settings. */
final class Normalizing {
    private Normalizing() {
    }

    /** Lower case, only {@code [a-z0-9_-]} kept, no leading {@code _} or {@code -}. */
    static String projectName(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append(c);
            }
        }
        int i = 0;
        while (i < sb.length() && (sb.charAt(i) == '_' || sb.charAt(i) == '-')) {
            i++;
        }
        return sb.substring(i);
    }

    static ComposeException invalidProjectName(String v) {
        return new ComposeException("project name", "invalid project name \"" + v + "\": must consist only of "
                + "lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or "
                + "number");
    }

    static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new ComposeException(s, "strconv.ParseBool: parsing \"" + s + "\": invalid syntax");
        };
    }
}
