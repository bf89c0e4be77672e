package io.berth.compose.internal.transform;

import java.util.ArrayDeque;
import java.util.Deque;

/** Lexical path operations as Go's path.Clean / filepath.Join do them (no file-system access). */
public final class Paths {
    private Paths() {
    }

    /** Go's path.Clean. */
    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.charAt(0) == '/';
        Deque<String> out = new ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Go's filepath.Join(base, rel) for a relative {@code rel}. */
    public static String join(String base, String rel) {
        if (rel.isEmpty()) {
            return clean(base);
        }
        return clean(base + "/" + rel);
    }

    public static boolean isAbs(String p) {
        return p.startsWith("/");
    }
}
