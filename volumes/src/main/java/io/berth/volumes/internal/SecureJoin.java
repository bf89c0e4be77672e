package io.berth.volumes.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path inside a root as if the root were {@code /}: symlinks met on the way are followed but their
 * targets are read relative to the root (an absolute target restarts at the root, {@code ..} stops at it), so the
 * result never leaves the root. The idea of filepath-securejoin, written for Java.
 */
public final class SecureJoin {
    private static final int MAX_LINKS = 255;

    private SecureJoin() {
    }

    /** {@code root} joined with {@code unsafePath}, all symlinks resolved within {@code root}. */
    public static Path resolve(Path root, String unsafePath) throws IOException {
        Deque<String> remaining = new ArrayDeque<>(split(unsafePath));
        List<String> current = new ArrayList<>();
        int links = 0;
        while (!remaining.isEmpty()) {
            String part = remaining.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!current.isEmpty()) {
                    current.removeLast();
                }
                continue;
            }
            Path candidate = join(root, current).resolve(part);
            if (!Files.isSymbolicLink(candidate)) {
                current.add(part);
                if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    current.addAll(lexical(remaining));
                    break;
                }
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new IOException("too many symbolic links resolving " + unsafePath + " in " + root);
            }
            String target = Files.readSymbolicLink(candidate).toString();
            if (target.startsWith("/")) {
                current.clear();
            }
            List<String> targetParts = split(target);
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                remaining.addFirst(targetParts.get(i));
            }
        }
        return join(root, current);
    }

    private static List<String> lexical(Deque<String> remaining) {
        String rest = GoPaths.clean("/" + String.join("/", remaining));
        return rest.equals("/") ? List.of() : split(rest);
    }

    private static List<String> split(String p) {
        List<String> parts = new ArrayList<>();
        for (String s : p.split("/")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return parts;
    }

    private static Path join(Path root, List<String> parts) {
        Path p = root;
        for (String s : parts) {
            p = p.resolve(s);
        }
        return p;
    }
}
