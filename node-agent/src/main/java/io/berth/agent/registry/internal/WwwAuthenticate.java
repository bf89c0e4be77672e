package io.berth.agent.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate} values (RFC 7235): several challenges per header and several headers, each a
 * scheme followed by {@code name=value} parameters whose values are tokens or quoted strings with backslash
 * escapes. Malformed parts are skipped rather than failing the request.
 */
final class WwwAuthenticate {
    private final String text;
    private int pos;

    private WwwAuthenticate(String text) {
        this.text = text;
    }

    static List<Challenge> parse(List<String> headerValues) {
        List<Challenge> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(new WwwAuthenticate(value).challenges());
        }
        return all;
    }

    private List<Challenge> challenges() {
        List<Challenge> result = new ArrayList<>();
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            skip(true);
            if (pos >= text.length()) {
                break;
            }
            String token = token();
            if (token.isEmpty()) {
                pos++; // a stray character such as '=' or '"': step over it
                continue;
            }
            skip(false);
            if (scheme != null && pos < text.length() && text.charAt(pos) == '=') {
                pos++;
                skip(false);
                params.put(token.toLowerCase(Locale.ROOT), value());
            } else {
                if (scheme != null) {
                    result.add(new Challenge(scheme, params));
                }
                scheme = token;
                params = new LinkedHashMap<>();
            }
        }
        if (scheme != null) {
            result.add(new Challenge(scheme, params));
        }
        return result;
    }

    private void skip(boolean commas) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || (commas && c == ',')) {
                pos++;
            } else {
                break;
            }
        }
    }

    private String token() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == ',' || c == '=' || c == '"') {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private String value() {
        if (pos < text.length() && text.charAt(pos) == '"') {
            StringBuilder s = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    s.append(text.charAt(pos++));
                } else if (c == '"') {
                    break;
                } else {
                    s.append(c);
                }
            }
            return s.toString();
        }
        return token();
    }
}
