package io.berth.agent.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path inside a container's root file system the way the container would see it, without ever
 * leaving the root: symlinks are followed by hand, absolute targets restart at the root, {@code ..} stops at the
 * root (like {@code filepath-securejoin}). Needed because an image may carry {@code /etc/passwd -> /etc/shadow}
 * of the host, or {@code ../../..} links.
 */
final class RootfsPaths {
    private static final int MAX_LINKS = 255;

    private RootfsPaths() {
    }

    /** The host path for {@code path} in {@code root}; the result is always under {@code root}. */
    static Path resolve(Path root, String path) throws IOException {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, path);
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                done.pollLast();
                continue;
            }
            Path candidate = join(root, done).resolve(part);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many symbolic links resolving " + path + " in " + root);
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    done.clear();
                }
                push(todo, target);
                continue;
            }
            done.addLast(part);
        }
        return join(root, done);
    }

    /** Whether the resolved path is a regular file (not followed further: it is already resolved). */
    static boolean isRegularFile(Path resolved) {
        return Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS);
    }

    private static void push(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            todo.push(parts[i]);
        }
    }

    private static Path join(Path root, Deque<String> parts) {
        Path p = root;
        for (String part : parts) {
            p = p.resolve(part);
        }
        return p;
    }
}
