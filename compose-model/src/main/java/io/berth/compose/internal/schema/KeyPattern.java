package io.berth.compose.internal.schema;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code pattern} or {@code patternProperties} regular expression, compiled once. Like JSON Schema it is not
 * anchored (a match anywhere counts), and like Go's regexp, which compose-go uses, {@code $} matches only at
 * the very end and {@code .} matches anything but {@code \n}.
 *
 * <p>The shapes the compose schema uses for keys are matched without {@code java.util.regex}, which would
 * allocate a {@code Matcher} for every key: a literal prefix ({@code ^x-}), a class repeated over the whole key
 * ({@code ^[a-zA-Z0-9._-]+$}), and any non-empty key ({@code .+}, {@code ^.+$}).
 */
final class KeyPattern {
    private enum Shape { PREFIX, WHOLE_CLASS, ANY_CHAR, WHOLE_LINE, REGEX }

    private final String source;
    private final Shape shape;
    private final String prefix;
    private final boolean[] asciiClass;
    private final Pattern pattern;

    private KeyPattern(String source, Shape shape, String prefix, boolean[] asciiClass, Pattern pattern) {
        this.source = source;
        this.shape = shape;
        this.prefix = prefix;
        this.asciiClass = asciiClass;
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException if Java cannot compile the expression */
    static KeyPattern compile(String source) {
        if (source.equals(".+")) {
            return new KeyPattern(source, Shape.ANY_CHAR, null, null, null);
        }
        if (source.equals("^.+$")) {
            return new KeyPattern(source, Shape.WHOLE_LINE, null, null, null);
        }
        String prefix = literalPrefix(source);
        if (prefix != null) {
            return new KeyPattern(source, Shape.PREFIX, prefix, null, null);
        }
        boolean[] asciiClass = wholeClass(source);
        if (asciiClass != null) {
            return new KeyPattern(source, Shape.WHOLE_CLASS, null, asciiClass, null);
        }
        try {
            Pattern pattern = Pattern.compile(goSemantics(source), Pattern.UNIX_LINES);
            return new KeyPattern(source, Shape.REGEX, null, null, pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("unsupported regular expression '" + source + "'", e);
        }
    }

    String source() {
        return source;
    }

    boolean matches(String s) {
        return switch (shape) {
            case PREFIX -> s.startsWith(prefix);
            case WHOLE_CLASS -> allIn(s);
            case ANY_CHAR -> hasCharOtherThanNewline(s);
            case WHOLE_LINE -> !s.isEmpty() && s.indexOf('\n') < 0;
            case REGEX -> pattern.matcher(s).find();
        };
    }

    private boolean allIn(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || !asciiClass[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasCharOtherThanNewline(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '\n') {
                return true;
            }
        }
        return false;
    }

    /** For {@code ^abc}, {@code abc}; null if the expression is anything but a caret and plain characters. */
    private static String literalPrefix(String source) {
        if (source.length() < 2 || source.charAt(0) != '^') {
            return null;
        }
        for (int i = 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ' ' || c == ':')) {
                return null;
            }
        }
        return source.substring(1);
    }

    /**
     * For {@code ^[a-z0-9._-]+$} (ASCII letters, digits, ranges and {@code . _ -}, no escapes or negation), the
     * table of the class's characters; null for anything else.
     */
    private static boolean[] wholeClass(String source) {
        if (!source.startsWith("^[") || !source.endsWith("]+$") || source.length() < 6) {
            return null;
        }
        String body = source.substring(2, source.length() - 3);
        boolean[] table = new boolean[128];
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean range = i + 2 < body.length() && body.charAt(i + 1) == '-';
            if (range && isAlnum(c) && isAlnum(body.charAt(i + 2)) && c <= body.charAt(i + 2)) {
                for (char r = c; r <= body.charAt(i + 2); r++) {
                    table[r] = true;
                }
                i += 2;
            } else if (isAlnum(c) || c == '.' || c == '_' || c == '-' && (i == 0 || i == body.length() - 1)) {
                table[c] = true;
            } else {
                return null;
            }
        }
        return table;
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** Rewrites each {@code $} that is an end anchor (unescaped, outside a class) as {@code \z}. */
    private static String goSemantics(String source) {
        StringBuilder out = new StringBuilder(source.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                out.append(c).append(source.charAt(++i));
            } else if (inClass) {
                inClass = c != ']';
                out.append(c);
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < source.length() && source.charAt(i + 1) == '^') {
                    out.append(source.charAt(++i));
                }
                if (i + 1 < source.length() && source.charAt(i + 1) == ']') {
                    out.append(source.charAt(++i));
                }
            } else if (c == '$') {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
