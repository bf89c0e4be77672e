package io.berth.compose.internal.dotenv;

/**
 * The escapes compose-go expands in double-quoted values, and only those: {@code \a \b \f \n \r \t \v \\ \"},
 * {@code \$} (a literal dollar, not a variable) and the XSI-echo octal form {@code \0NNN} for values up to
 * {@code \0377}. Anything else after a backslash ({@code \x41}, {@code \q}, an octal escape that is too short
 * or too large) is kept as written, backslash included.
 */
final class Escapes {
    private Escapes() {
    }

    static String expand(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            String simple = simple(e);
            if (simple != null) {
                out.append(simple);
                i += 2;
            } else if (e == '0') {
                i = octal(s, i, out);
            } else {
                out.append('\\');
                i++;
            }
        }
        return out.toString();
    }

    private static String simple(char e) {
        return switch (e) {
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000B";
            case '\\' -> "\\";
            case '"' -> "\"";
            // Doubled, so that variable expansion, which runs next, leaves one literal dollar.
            case '$' -> "$$";
            default -> null;
        };
    }

    /**
     * {@code \0} then up to three ASCII digits, all consumed. Exactly three octal digits worth at most 255 give
     * that character; anything else is kept verbatim.
     */
    private static int octal(String s, int backslash, StringBuilder out) {
        int start = backslash + 2;
        int end = start;
        while (end < s.length() && end < start + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
            end++;
        }
        String digits = s.substring(start, end);
        if (digits.length() == 3 && digits.chars().allMatch(d -> d <= '7')) {
            int value = Integer.parseInt(digits, 8);
            if (value <= 0xFF) {
                out.append((char) value);
                return end;
            }
        }
        out.append(s, backslash, end);
        return end;
    }
}
