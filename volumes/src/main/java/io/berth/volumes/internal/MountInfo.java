package io.berth.volumes.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Mount points of this process's mount namespace, from {@code /proc/self/mountinfo}. */
public final class MountInfo {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private MountInfo() {
    }

    /** True when {@code path} (absolute, symlinks resolved) is a mount point now. */
    public static boolean isMountPoint(Path path) {
        try {
            return mountPoints(Files.readString(MOUNTINFO)).contains(path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("read " + MOUNTINFO, e);
        }
    }

    /** The mount points (field 5) of a mountinfo text, with the kernel's octal escapes decoded. */
    public static List<String> mountPoints(String mountinfo) {
        List<String> out = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 4) {
                out.add(unescape(fields[4]));
            }
        }
        return out;
    }

    /** Decodes {@code \040} (space), {@code \011}, {@code \012}, {@code \134} as the kernel writes them. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
