package io.berth.agent.image.internal.rootfs;

import io.berth.agent.image.Change;
import io.berth.agent.image.internal.fs.NativeFs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Docker's {@code diff} from an overlayfs upper directory: a whiteout is D, an entry that the lower layers also
 * have is C, anything else A; below an opaque directory, what the lower layers had and the upper lacks is D.
 */
final class ChangesScanner {
    private final NativeFs fs;
    private final List<Path> lowersTopFirst;
    private final List<Change> changes = new ArrayList<>();

    ChangesScanner(NativeFs fs, List<Path> lowersTopFirst) {
        this.fs = fs;
        this.lowersTopFirst = lowersTopFirst;
    }

    List<Change> scan(Path upper) throws IOException {
        walk(upper, "");
        changes.sort((a, b) -> a.path().compareTo(b.path()));
        return changes;
    }

    private void walk(Path dir, String rel) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        }
        for (String name : names) {
            Path p = dir.resolve(name);
            String path = rel + "/" + name;
            Map<String, Object> st = Files.readAttributes(p, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
            int type = (Integer) st.get("mode") & 0170000;
            if (type == NativeFs.S_IFCHR && (Long) st.get("rdev") == 0L) {
                changes.add(new Change(Change.Kind.D, path));
                continue;
            }
            boolean inLower = inLower(path);
            changes.add(new Change(inLower ? Change.Kind.C : Change.Kind.A, path));
            if (type == 0040000) {
                if (inLower && fs.lgetxattr(p, "trusted.overlay.opaque").map(v -> v.length == 1 && v[0] == 'y').orElse(false)) {
                    hiddenByOpaque(path, names(p));
                }
                walk(p, path);
            }
        }
    }

    private void hiddenByOpaque(String path, TreeSet<String> upperNames) throws IOException {
        TreeSet<String> lowerNames = new TreeSet<>();
        for (Path lower : lowersTopFirst) {
            Path d = lower.resolve(path.substring(1));
            if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                lowerNames.addAll(names(d));
            }
        }
        for (String n : lowerNames) {
            if (!upperNames.contains(n) && inLower(path + "/" + n)) {
                changes.add(new Change(Change.Kind.D, path + "/" + n));
            }
        }
    }

    private static TreeSet<String> names(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    /** Whether the lower layers (top first) show something at the path: the first layer that has it decides. */
    private boolean inLower(String path) throws IOException {
        for (Path lower : lowersTopFirst) {
            Path p = lower.resolve(path.substring(1));
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Map<String, Object> st = Files.readAttributes(p, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
                boolean whiteout = ((Integer) st.get("mode") & 0170000) == NativeFs.S_IFCHR && (Long) st.get("rdev") == 0L;
                return !whiteout;
            }
        }
        return false;
    }
}
