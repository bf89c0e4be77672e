package io.berth.scheduler.internal.engine;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.scheduler.internal.files.RootPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The uid and gid of a container's {@code User} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}),
 * read from the container's own {@code /etc/passwd} and {@code /etc/group} (resolved inside its root), for
 * {@code docker cp -a} as Docker's {@code copyUIDGID}. No user: {@code {-1, -1}} (the tar's owners are kept).
 */
final class ContainerUsers {
    private ContainerUsers() {
    }

    static int[] lookup(Path root, String user) throws IOException {
        if (user == null || user.isEmpty()) {
            return new int[] {-1, -1};
        }
        int colon = user.indexOf(':');
        String name = colon < 0 ? user : user.substring(0, colon);
        String group = colon < 0 ? null : user.substring(colon + 1);
        String[] passwd = entry(root, "/etc/passwd", name);
        int uid = number(name) >= 0 ? number(name) : passwd == null ? fail(user, name) : Integer.parseInt(passwd[2]);
        int gid;
        if (group != null) {
            String[] g = number(group) >= 0 ? null : entry(root, "/etc/group", group);
            gid = number(group) >= 0 ? number(group) : g == null ? fail(user, group) : Integer.parseInt(g[2]);
        } else {
            gid = passwd != null && passwd.length > 3 ? Integer.parseInt(passwd[3]) : 0;
        }
        return new int[] {uid, gid};
    }

    private static int fail(String user, String name) {
        throw new BerthException(ErrorCategory.INVALID_ARGUMENT, user, "unable to find user " + name
                + ": no matching entries in passwd file");
    }

    private static int number(String s) {
        return s.matches("[0-9]{1,9}") ? Integer.parseInt(s) : -1;
    }

    /** The line of a passwd-style file whose first field is {@code name} or (numeric) third field. */
    private static String[] entry(Path root, String file, String name) throws IOException {
        Path path = RootPath.resolve(root, file, true).host();
        if (!Files.isRegularFile(path)) {
            return null;
        }
        List<String> lines = Files.readAllLines(path);
        for (String line : lines) {
            String[] fields = line.split(":");
            if (fields.length > 2 && (fields[0].equals(name) || fields[2].equals(name))) {
                return fields;
            }
        }
        return null;
    }
}
