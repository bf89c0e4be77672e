package io.berth.agent.image.internal.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a name from a tar archive into a path that is inside the extraction root, whatever the name or the
 * symbolic links already extracted say. The name is cleaned as Docker does (a leading "/" dropped, ".." never
 * climbing above the root); each parent component is looked at with lstat, and a symbolic link among them is
 * resolved <em>inside</em> the root (an absolute target starts again at the root, ".." stops at it), as
 * Docker's FollowSymlinkInScope does. Missing parents are created as directories (0755).
 * Only the extracting thread writes below the root (a fresh private directory), so what lstat saw stays true;
 * resolved parents are cached and the cache is dropped whenever an entry replaces a directory.
 */
final class RootResolver {
    private static final int MAX_LINKS = 255;
    private final Path root;
    private final Map<String, String> parents = new HashMap<>();

    RootResolver(Path root) {
        this.root = root;
    }

    /** The cleaned relative form of a tar name ("" for the root itself). */
    static String clean(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** The path of an entry: its parent resolved inside the root (created if missing), its last name kept. */
    Path entryPath(String cleanName) throws IOException {
        int slash = cleanName.lastIndexOf('/');
        if (slash < 0) {
            return root.resolve(cleanName);
        }
        String parent = resolvedDir(cleanName.substring(0, slash));
        String last = cleanName.substring(slash + 1);
        return parent.isEmpty() ? root.resolve(last) : root.resolve(parent).resolve(last);
    }

    /** Forget resolved parents (an entry replaced a directory or a link that may have been one of them). */
    void invalidate() {
        parents.clear();
    }

    /** Records a directory the extractor made itself (at {@code resolved}), so its children need no lstat. */
    void knownDirectory(String cleanName, String resolved) {
        parents.put(cleanName, resolved);
    }

    Path root() {
        return root;
    }

    /** A directory named by the archive, resolved inside the root (components created as needed). */
    Path directory(String cleanDir) throws IOException {
        String resolved = resolvedDir(cleanDir);
        return resolved.isEmpty() ? root : root.resolve(resolved);
    }

    private String resolvedDir(String cleanDir) throws IOException {
        String known = parents.get(cleanDir);
        if (known != null) {
            return known;
        }
        String resolved = resolve(cleanDir);
        parents.put(cleanDir, resolved);
        return resolved;
    }

    /** Resolves every component of a relative directory name inside the root, creating what is missing. */
    private String resolve(String cleanDir) throws IOException {
        Deque<String> todo = new ArrayDeque<>(List.of(cleanDir.split("/")));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            done.add(part);
            Path current = root.resolve(String.join("/", done));
            if (Files.isSymbolicLink(current)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many levels of symbolic links resolving " + cleanDir);
                }
                String target = Files.readSymbolicLink(current).toString();
                done.remove(done.size() - 1);
                if (target.startsWith("/")) {
                    done.clear();
                }
                String[] targetParts = target.split("/");
                for (int i = targetParts.length - 1; i >= 0; i--) {
                    todo.addFirst(targetParts[i]);
                }
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("cannot extract below " + String.join("/", done)
                            + ": it is not a directory");
                }
                Files.createDirectory(current);
            }
        }
        return String.join("/", done);
    }
}
