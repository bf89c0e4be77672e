package io.berth.compose.internal.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a compose tree: map keys and list positions, as segments. Keys may contain dots (service names do),
 * so a path is never parsed back from its dotted rendering. Patterns are dotted strings where {@code *} matches
 * any one segment (a key or a list position), as compose-go's tree paths.
 */
public record TreePath(List<String> segments) {
    public static final TreePath ROOT = new TreePath(List.of());

    public TreePath {
        segments = List.copyOf(segments);
    }

    public static TreePath of(String... segments) {
        return new TreePath(List.of(segments));
    }

    public TreePath next(String segment) {
        List<String> s = new ArrayList<>(segments.size() + 1);
        s.addAll(segments);
        s.add(segment);
        return new TreePath(s);
    }

    public TreePath next(int index) {
        return next(Integer.toString(index));
    }

    public int size() {
        return segments.size();
    }

    public String last() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    public TreePath parent() {
        return segments.isEmpty() ? this : new TreePath(segments.subList(0, segments.size() - 1));
    }

    /** Does this path match a pattern such as {@code services.*.ports}? */
    public boolean matches(Pattern pattern) {
        String[] p = pattern.parts;
        if (p.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!p[i].equals("*") && !p[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean matches(String pattern) {
        return matches(Pattern.of(pattern));
    }

    public boolean startsWith(TreePath prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** The dotted rendering used in messages: {@code services.web.ports.0}. */
    @Override
    public String toString() {
        return String.join(".", segments);
    }

    /** A precompiled dotted pattern. */
    public record Pattern(String text, String[] parts) {
        public static Pattern of(String text) {
            return new Pattern(text, text.isEmpty() ? new String[0] : text.split("\\."));
        }
    }
}
