package io.berth.agent.image.internal.store;

import java.util.regex.Pattern;

/** Go's {@code path.Match} as Docker's reference filter uses it: {@code *} and {@code ?} stop at "/". */
final class GlobMatch {
    private GlobMatch() {
    }

    /** Docker's FamiliarMatch: the pattern against the familiar name with its tag, then without. */
    static boolean reference(String pattern, String familiar) {
        if (matches(pattern, familiar)) {
            return true;
        }
        int at = familiar.indexOf('@');
        int colon = familiar.lastIndexOf(':');
        int end = at >= 0 ? at : colon > familiar.lastIndexOf('/') ? colon : familiar.length();
        return matches(pattern, familiar.substring(0, end));
    }

    static boolean matches(String pattern, String text) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = pattern.indexOf(']', i + 1);
                    if (close < 0) {
                        return false;
                    }
                    String cls = pattern.substring(i + 1, close);
                    re.append('[').append(cls.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = close;
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(re.toString(), text);
    }
}
