package io.berth.scheduler.internal.files;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A path of a container resolved inside its root directory on the host, as {@code SecureJoin} does: every
 * symbolic link on the way is read and resolved by hand with the root as {@code /}, and {@code ..} stops at the
 * root, so the result never leaves the root whatever the container's links say. {@code container} is the
 * resolved path as the container sees it ({@code /real/dir}), {@code host} the same file on the host.
 */
public record RootPath(Path root, String container, Path host) {
    private static final int MAX_LINKS = 40;

    /**
     * Resolves {@code path} (absolute or relative to {@code /}); {@code followFinal} also resolves a link in the
     * last component (a link there is otherwise the result itself, as lstat sees it). Missing components are
     * kept as they are (the result may not exist).
     */
    public static RootPath resolve(Path root, String path, boolean followFinal) {
        Deque<String> remaining = new ArrayDeque<>(components(path));
        List<String> current = new ArrayList<>();
        int links = 0;
        while (!remaining.isEmpty()) {
            String c = remaining.removeFirst();
            if (c.equals("..")) {
                if (!current.isEmpty()) {
                    current.remove(current.size() - 1);
                }
                continue;
            }
            Path candidate = host(root, current).resolve(c);
            if ((followFinal || !remaining.isEmpty()) && Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new BerthException(ErrorCategory.INVALID_ARGUMENT, path,
                            "too many levels of symbolic links in " + path);
                }
                String target = readLink(candidate);
                if (target.startsWith("/")) {
                    current.clear();
                }
                List<String> parts = components(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    remaining.addFirst(parts.get(i));
                }
                continue;
            }
            current.add(c);
        }
        return new RootPath(root, "/" + String.join("/", current), host(root, current));
    }

    /** The components of a path: empty ones and {@code .} dropped, {@code ..} kept. */
    static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty() && !c.equals(".")) {
                out.add(c);
            }
        }
        return out;
    }

    private static Path host(Path root, List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, link.toString(), "cannot read the link " + link + ": "
                    + e.getMessage(), e);
        }
    }

    public boolean exists() {
        return Files.exists(host, LinkOption.NOFOLLOW_LINKS);
    }

    /** The last component's name ({@code /} for the root). */
    public String name() {
        int slash = container.lastIndexOf('/');
        return container.length() == 1 ? "/" : container.substring(slash + 1);
    }
}
