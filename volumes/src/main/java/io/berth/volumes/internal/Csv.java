package io.berth.volumes.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first record of a CSV line the way Go's {@code encoding/csv} does with its defaults (which is how
 * docker/cli splits {@code --mount}): comma-separated fields, a field that starts with {@code "} is quoted and
 * {@code ""} inside it stands for one quote, a quote inside an unquoted field is an error.
 */
public final class Csv {
    private Csv() {
    }

    /** The fields of the first line of {@code line}; throws {@link IllegalArgumentException} with Go's message. */
    public static List<String> readRecord(String line) {
        int nl = line.indexOf('\n');
        String s = nl >= 0 ? line.substring(0, nl) : line;
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < s.length() && s.charAt(i) == '"') {
                i = readQuoted(s, i + 1, field);
            } else {
                int end = s.indexOf(',', i);
                end = end < 0 ? s.length() : end;
                String raw = s.substring(i, end);
                int q = raw.indexOf('"');
                if (q >= 0) {
                    throw new IllegalArgumentException(
                            "parse error on line 1, column " + (i + q + 1) + ": bare \" in non-quoted-field");
                }
                field.append(raw);
                i = end;
            }
            fields.add(field.toString());
            if (i >= s.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Reads a quoted field starting after its opening quote; returns the index of the following comma or end. */
    private static int readQuoted(String s, int start, StringBuilder field) {
        int i = start;
        while (true) {
            int q = s.indexOf('"', i);
            if (q < 0) {
                throw new IllegalArgumentException(
                        "parse error on line 1, column " + (s.length() + 1) + ": extraneous or missing \" in quoted-field");
            }
            field.append(s, i, q);
            if (q + 1 < s.length() && s.charAt(q + 1) == '"') {
                field.append('"');
                i = q + 2;
                continue;
            }
            if (q + 1 == s.length() || s.charAt(q + 1) == ',') {
                return q + 1;
            }
            throw new IllegalArgumentException(
                    "parse error on line 1, column " + (q + 2) + ": extraneous or missing \" in quoted-field");
        }
    }
}
