package io.berth.compose.internal.dotenv;

import io.berth.compose.internal.interpolation.GoSyntax;
import io.berth.compose.internal.interpolation.InterpolationException;
import io.berth.compose.internal.interpolation.Template;

import java.util.Map;
import java.util.function.Function;

/**
 * One pass over an env file, statement by statement, with compose-go's rules (see {@link DotEnv}). Line numbers
 * are computed only when an error needs one, from the offset where the statement starts.
 */
final class DotEnvParser {
    private final String src;
    private final String file;
    private final Function<String, String> lookup;
    private final Map<String, String> vars;
    private int pos;

    private record Key(String name, boolean inherited) {
    }

    DotEnvParser(String src, String file, Function<String, String> lookup, Map<String, String> vars) {
        this.src = src;
        this.file = file;
        this.lookup = lookup;
        this.vars = vars;
    }

    void parse() {
        while (toNextStatement()) {
            int statement = pos;
            Key key = readKey(statement);
            if (key.name().indexOf(' ') >= 0) {
                throw error(statement, "key cannot contain a space", null);
            }
            if (key.inherited()) {
                String value = lookup.apply(key.name());
                if (value != null) {
                    vars.put(key.name(), value);
                }
                continue;
            }
            vars.put(key.name(), readValue(statement));
        }
    }

    /** Skips blank space (newlines included) and comment lines; false at the end of the text. */
    private boolean toNextStatement() {
        while (true) {
            while (pos < src.length() && isUnicodeSpace(src.codePointAt(pos))) {
                pos += Character.charCount(src.codePointAt(pos));
            }
            if (pos >= src.length()) {
                return false;
            }
            if (src.charAt(pos) != '#') {
                return true;
            }
            int newline = src.indexOf('\n', pos);
            if (newline < 0) {
                pos = src.length();
                return false;
            }
            pos = newline;
        }
    }

    /**
     * Reads up to {@code =}, {@code :} or the end of the line (a bare key, whose value is inherited). Blanks may
     * appear anywhere in a key; other characters must be letters, digits or {@code _ . - [ ]}.
     */
    private Key readKey(int statement) {
        if (src.startsWith("export", pos) && pos + 6 < src.length() && isRe2Space(src.charAt(pos + 6))) {
            pos = skipBlanks(pos + 6);
        }
        if (pos >= src.length()) {
            throw error(statement, "zero length string", null);
        }
        int start = pos;
        int i = pos;
        while (i < src.length()) {
            int cp = src.codePointAt(i);
            if (cp == '=' || cp == ':' || cp == '\n') {
                String name = trimTrailingSpace(src.substring(start, i));
                pos = cp == '\n' ? i + 1 : skipBlanks(i + 1);
                return new Key(name, cp == '\n');
            }
            if (!isBlank(cp) && !isKeyChar(cp)) {
                throw error(statement, "unexpected character " + GoSyntax.quote(Character.toString(cp))
                        + " in variable name " + GoSyntax.quote(lineFrom(start)), null);
            }
            i += Character.charCount(cp);
        }
        // compose-go stores "KEY" at the very end of a file under the empty name; we treat it as a bare key.
        pos = src.length();
        return new Key(trimTrailingSpace(src.substring(start)), true);
    }

    private String readValue(int statement) {
        if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
            return readQuoted(statement);
        }
        int newline = src.indexOf('\n', pos);
        String value = src.substring(pos, newline < 0 ? src.length() : newline);
        pos = newline < 0 ? src.length() : newline + 1;
        int comment = value.indexOf(" #");
        if (comment >= 0) {
            value = value.substring(0, comment);
        }
        return expand(trimTrailingSpace(value), statement);
    }

    /**
     * Up to the matching unescaped quote, newlines included. A backslash escapes the quote character; before any
     * other character it is kept, for {@link Escapes} to interpret in double quotes. Single quotes are literal.
     */
    private String readQuoted(int statement) {
        char quote = src.charAt(pos);
        StringBuilder chars = new StringBuilder();
        boolean escaped = false;
        for (int i = pos + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == quote && !escaped) {
                pos = i + 1;
                String value = chars.toString();
                return quote == '"' ? expand(Escapes.expand(value), statement) : value;
            }
            if (c == '\\' && !escaped) {
                escaped = true;
                continue;
            }
            if (escaped && c != quote) {
                chars.append('\\');
            }
            escaped = false;
            chars.append(c);
        }
        throw error(statement, "unterminated quoted value " + lineFrom(pos), null);
    }

    /** Variables come from the lookup first, then from the keys read so far, as in compose-go. */
    private String expand(String value, int statement) {
        try {
            return Template.substitute(value, name -> {
                String v = lookup.apply(name);
                return v != null ? v : vars.get(name);
            });
        } catch (InterpolationException e) {
            throw error(statement, e.getMessage(), e);
        }
    }

    private DotEnvException error(int offset, String problem, Throwable cause) {
        int line = 1;
        for (int i = src.indexOf('\n'); i >= 0 && i < offset; i = src.indexOf('\n', i + 1)) {
            line++;
        }
        return DotEnvException.atLine(file, line, problem, cause);
    }

    private String lineFrom(int offset) {
        int newline = src.indexOf('\n', offset);
        return src.substring(offset, newline < 0 ? src.length() : newline);
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < src.length() && isBlank(src.codePointAt(i))) {
            i += Character.charCount(src.codePointAt(i));
        }
        return i;
    }

    private static String trimTrailingSpace(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isUnicodeSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    private static boolean isKeyChar(int cp) {
        if (cp == '_' || cp == '.' || cp == '-' || cp == '[' || cp == ']' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** compose-go's {@code isSpace}: blank but not a line break. */
    private static boolean isBlank(int cp) {
        return cp == '\t' || cp == 0x0B || cp == '\f' || cp == '\r' || cp == ' ' || cp == 0x85 || cp == 0xA0;
    }

    /** RE2's {@code \s}, which ends the {@code export} keyword: ASCII blanks and newline, not {@code \v}. */
    private static boolean isRe2Space(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    /** Go's {@code unicode.IsSpace}: Unicode White_Space. */
    static boolean isUnicodeSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }
}
