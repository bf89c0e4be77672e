package io.berth.agent.runtime.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves Docker's user spec ({@code uid}, {@code name}, {@code uid:gid}, {@code name:group}, empty = root)
 * against the container's {@code /etc/passwd} and {@code /etc/group}, read safely inside the root file system.
 * As Docker: a numeric uid absent from passwd is fine (gid 0, home {@code /}); an unknown name is an error;
 * supplementary groups are the groups that list the user by name.
 */
final class UserResolver {

    /** The resolved identity, plus the home directory for HOME. */
    record ResolvedUser(long uid, long gid, List<Long> additionalGids, String home) {
    }

    private record PasswdEntry(String name, long uid, long gid, String home) {
    }

    private record GroupEntry(String name, long gid, List<String> members) {
    }

    private UserResolver() {
    }

    static ResolvedUser resolve(Path rootfs, String spec) {
        String userPart = spec;
        String groupPart = null;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            userPart = spec.substring(0, colon);
            groupPart = spec.substring(colon + 1);
        }
        if (userPart.isEmpty()) {
            userPart = "0";
        }
        List<PasswdEntry> passwd = readPasswd(rootfs);
        PasswdEntry user = null;
        Long numeric = parseId(userPart);
        for (PasswdEntry e : passwd) {
            if (numeric != null ? e.uid() == numeric : e.name().equals(userPart)) {
                user = e;
                break;
            }
        }
        if (user == null && numeric == null) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "user " + userPart,
                    "unable to find user " + userPart + ": no matching entries in the image's /etc/passwd; "
                            + "use a numeric uid or a user the image defines");
        }
        long uid = user != null ? user.uid() : numeric;
        long gid = user != null ? user.gid() : 0;
        String home = user != null && !user.home().isEmpty() ? user.home() : "/";
        List<GroupEntry> groups = readGroups(rootfs);
        if (groupPart != null && !groupPart.isEmpty()) {
            gid = resolveGroup(groups, groupPart);
        }
        List<Long> additional = new ArrayList<>();
        if (user != null) {
            for (GroupEntry g : groups) {
                if (g.members().contains(user.name()) && g.gid() != gid && !additional.contains(g.gid())) {
                    additional.add(g.gid());
                }
            }
        }
        return new ResolvedUser(uid, gid, List.copyOf(additional), home);
    }

    private static long resolveGroup(List<GroupEntry> groups, String groupPart) {
        Long numeric = parseId(groupPart);
        for (GroupEntry g : groups) {
            if (numeric != null ? g.gid() == numeric : g.name().equals(groupPart)) {
                return g.gid();
            }
        }
        if (numeric != null) {
            return numeric;
        }
        throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "group " + groupPart,
                "unable to find group " + groupPart + ": no matching entries in the image's /etc/group; "
                        + "use a numeric gid or a group the image defines");
    }

    private static Long parseId(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 10) {
            return null;
        }
        return Long.parseLong(text);
    }

    private static List<PasswdEntry> readPasswd(Path rootfs) {
        List<PasswdEntry> entries = new ArrayList<>();
        for (String[] f : readColonFile(rootfs, "/etc/passwd")) {
            Long uid = f.length > 3 ? parseId(f[2]) : null;
            Long gid = f.length > 3 ? parseId(f[3]) : null;
            if (uid != null && gid != null) {
                entries.add(new PasswdEntry(f[0], uid, gid, f.length > 5 ? f[5] : ""));
            }
        }
        return entries;
    }

    private static List<GroupEntry> readGroups(Path rootfs) {
        List<GroupEntry> entries = new ArrayList<>();
        for (String[] f : readColonFile(rootfs, "/etc/group")) {
            Long gid = f.length > 2 ? parseId(f[2]) : null;
            if (gid != null) {
                List<String> members = f.length > 3 && !f[3].isEmpty() ? List.of(f[3].split(",")) : List.of();
                entries.add(new GroupEntry(f[0], gid, members));
            }
        }
        return entries;
    }

    private static List<String[]> readColonFile(Path rootfs, String path) {
        try {
            Path file = RootfsPaths.resolve(rootfs, path);
            if (!RootfsPaths.isRegularFile(file)) {
                return List.of();
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    rows.add(t.split(":", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, path,
                    "cannot read " + path + " in the container's root file system " + rootfs + ": " + e.getMessage(), e);
        }
    }
}
