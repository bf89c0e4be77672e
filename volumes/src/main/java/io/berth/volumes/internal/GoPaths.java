package io.berth.volumes.internal;

import java.util.ArrayList;
import java.util.List;

/** Lexical path functions with the semantics of Go's {@code path} package, which Docker's rules are written in. */
public final class GoPaths {
    private GoPaths() {
    }

    /** Go's {@code path.IsAbs}: starts with a slash. */
    public static boolean isAbs(String p) {
        return p.startsWith("/");
    }

    /**
     * Go's {@code path.Clean}: one slash between elements, no {@code .}, {@code ..} resolved lexically (never
     * above the root of an absolute path), no trailing slash; the empty path is {@code .}.
     */
    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.getLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /**
     * Go's {@code filepath.IsLocal}: relative, not empty, and lexically inside its base (no {@code ..} escape).
     */
    public static boolean isLocal(String p) {
        if (p.isEmpty() || isAbs(p)) {
            return false;
        }
        String c = clean(p);
        return !c.equals("..") && !c.startsWith("../");
    }

    /** The number of elements of a clean absolute path ({@code /} has 0, {@code /a/b} has 2). */
    public static int depth(String cleanAbs) {
        if (cleanAbs.equals("/")) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < cleanAbs.length(); i++) {
            if (cleanAbs.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }
}
