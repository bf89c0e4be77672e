package io.berth.volumes.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mount(2) flag vocabulary of {@code mount -o} and fstab ({@code ro}, {@code nosuid}, {@code bind},
 * {@code rprivate}...), as moby/sys/mount knows it: split an option string into flags and file-system data, and
 * merge tmpfs options so that the last of each kind wins.
 */
public final class MountFlags {
    public static final long MS_RDONLY = 1;
    public static final long MS_NOSUID = 2;
    public static final long MS_NODEV = 4;
    public static final long MS_NOEXEC = 8;
    public static final long MS_SYNCHRONOUS = 16;
    public static final long MS_REMOUNT = 32;
    public static final long MS_MANDLOCK = 64;
    public static final long MS_DIRSYNC = 128;
    public static final long MS_NOATIME = 1024;
    public static final long MS_NODIRATIME = 2048;
    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_UNBINDABLE = 1L << 17;
    public static final long MS_PRIVATE = 1L << 18;
    public static final long MS_SLAVE = 1L << 19;
    public static final long MS_SHARED = 1L << 20;
    public static final long MS_RELATIME = 1L << 21;
    public static final long MS_STRICTATIME = 1L << 24;
    /** The propagation types; a mount(2) call that changes propagation carries only these (and MS_REC). */
    public static final long PROPAGATION_TYPES = MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE;

    private record Flag(boolean clear, long flag) {
    }

    private static final Map<String, Flag> FLAGS = new HashMap<>();
    private static final Set<String> PROPAGATION = Set.of("bind", "rbind", "unbindable", "runbindable", "private",
            "rprivate", "shared", "rshared", "slave", "rslave");
    private static final Set<String> TMPFS_DATA = Set.of("", "size", "mode", "uid", "gid", "nr_inodes", "nr_blocks",
            "mpol");

    static {
        flag("defaults", false, 0);
        flag("ro", false, MS_RDONLY);
        flag("rw", true, MS_RDONLY);
        flag("suid", true, MS_NOSUID);
        flag("nosuid", false, MS_NOSUID);
        flag("dev", true, MS_NODEV);
        flag("nodev", false, MS_NODEV);
        flag("exec", true, MS_NOEXEC);
        flag("noexec", false, MS_NOEXEC);
        flag("sync", false, MS_SYNCHRONOUS);
        flag("async", true, MS_SYNCHRONOUS);
        flag("dirsync", false, MS_DIRSYNC);
        flag("remount", false, MS_REMOUNT);
        flag("mand", false, MS_MANDLOCK);
        flag("nomand", true, MS_MANDLOCK);
        flag("atime", true, MS_NOATIME);
        flag("noatime", false, MS_NOATIME);
        flag("diratime", true, MS_NODIRATIME);
        flag("nodiratime", false, MS_NODIRATIME);
        flag("bind", false, MS_BIND);
        flag("rbind", false, MS_BIND | MS_REC);
        flag("unbindable", false, MS_UNBINDABLE);
        flag("runbindable", false, MS_UNBINDABLE | MS_REC);
        flag("private", false, MS_PRIVATE);
        flag("rprivate", false, MS_PRIVATE | MS_REC);
        flag("shared", false, MS_SHARED);
        flag("rshared", false, MS_SHARED | MS_REC);
        flag("slave", false, MS_SLAVE);
        flag("rslave", false, MS_SLAVE | MS_REC);
        flag("relatime", false, MS_RELATIME);
        flag("norelatime", true, MS_RELATIME);
        flag("strictatime", false, MS_STRICTATIME);
        flag("nostrictatime", true, MS_STRICTATIME);
    }

    private static void flag(String name, boolean clear, long value) {
        FLAGS.put(name, new Flag(clear, value));
    }

    private MountFlags() {
    }

    /** Flags and file-system data of an option string such as {@code bind,ro} or {@code size=10m,uid=1000}. */
    public record Parsed(long flags, String data) {
    }

    /** Splits {@code options} into mount(2) flags and the data string, as {@code mount -o} does. */
    public static Parsed parse(String options) {
        long flags = 0;
        List<String> data = new ArrayList<>();
        if (options != null && !options.isEmpty()) {
            for (String o : options.split(",", -1)) {
                Flag f = FLAGS.get(o);
                if (f != null && f.flag() != 0) {
                    flags = f.clear() ? flags & ~f.flag() : flags | f.flag();
                } else if (f == null) {
                    data.add(o);
                }
            }
        }
        return new Parsed(flags, String.join(",", data));
    }

    /**
     * Merges tmpfs options, later ones winning: one of each flag pair ({@code ro}/{@code rw},
     * {@code exec}/{@code noexec}...), one propagation, one of each data key ({@code size=}...). Throws
     * {@link IllegalArgumentException} {@code invalid tmpfs option "x"} for anything else.
     */
    public static List<String> mergeTmpfsOptions(List<String> options) {
        Set<Long> seenFlags = new HashSet<>();
        Set<String> seenData = new HashSet<>();
        LinkedList<String> merged = new LinkedList<>();
        for (int i = options.size() - 1; i >= 0; i--) {
            String option = options.get(i);
            if (option.equals("defaults")) {
                continue;
            }
            Flag f = FLAGS.get(option);
            if (f != null && f.flag() != 0) {
                long key = PROPAGATION.contains(option) ? -1 : f.flag();
                if (seenFlags.add(key)) {
                    merged.addFirst(option);
                }
                continue;
            }
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            if (eq < 0 || !TMPFS_DATA.contains(key)) {
                throw new IllegalArgumentException("invalid tmpfs option \"" + key + "\"");
            }
            if (seenData.add(key)) {
                merged.addFirst(option);
            }
        }
        return List.copyOf(merged);
    }
}
