package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Mounts a local volume's file system on its data directory with mount(2) (through {@link Native}, no
 * {@code mount} process: a fork per container start would cost milliseconds), the way moby/sys/mount does it:
 * options split into flags and data, propagation set by a second call, a read-only bind remounted read-only.
 */
public final class Mounter {
    private static final long READ_ONLY_BIND = MountFlags.MS_BIND | MountFlags.MS_RDONLY;

    private final Native nativ;

    public Mounter(Native nativ) {
        this.nativ = nativ;
    }

    /** Mounts {@code device} of {@code type} with {@code o} on {@code target}, as {@code mount -t -o} would. */
    public void mount(String volume, Map<String, String> options, Path target) {
        String device = options.getOrDefault("device", "");
        String type = options.getOrDefault("type", "");
        String o = options.getOrDefault("o", "");
        MountFlags.Parsed parsed = MountFlags.parse(o);
        long flags = parsed.flags();
        long plain = flags & ~MountFlags.PROPAGATION_TYPES;
        String t = target.toString();
        try {
            if (!isRemount(device, flags) || !parsed.data().isEmpty()) {
                nativ.mount(device, t, type, plain, parsed.data());
            }
            if ((flags & MountFlags.PROPAGATION_TYPES) != 0) {
                nativ.mount("", t, "", flags & (MountFlags.PROPAGATION_TYPES | MountFlags.MS_REC), "");
            }
            if ((plain & READ_ONLY_BIND) == READ_ONLY_BIND) {
                nativ.mount("", t, "", plain | MountFlags.MS_REMOUNT, "");
            }
        } catch (Native.NativeException e) {
            unmountQuietly(t);
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "volume " + volume,
                    "failed to mount local volume " + volume + ": " + hidePassword(e.getMessage(), o)
                            + ": check its type, device and o options (volume inspect " + volume + ")", e);
        }
    }

    /** Unmounts {@code target} (detaching lazily, as Docker); true if it was mounted. */
    public boolean unmount(String volume, Path target) {
        try {
            return nativ.unmount(target.toString(), Native.MNT_DETACH);
        } catch (Native.NativeException e) {
            throw new BerthException(ErrorCategory.UNAVAILABLE, "volume " + volume, "could not unmount volume "
                    + volume + " from " + target + ": " + e.getMessage() + ": try again (this may be transient)", e);
        }
    }

    private void unmountQuietly(String target) {
        try {
            nativ.unmount(target, Native.MNT_DETACH);
        } catch (Native.NativeException ignored) {
            // the mount that failed left nothing, or the caller's error says enough
        }
    }

    private static boolean isRemount(String device, long flags) {
        return (flags & MountFlags.MS_REMOUNT) != 0 || device.isEmpty() || device.equals("none");
    }

    private static String hidePassword(String message, String o) {
        for (String opt : o.split(",")) {
            if (opt.startsWith("password=") && opt.length() > "password=".length()) {
                message = message.replace(opt, "password=********");
            }
        }
        return message;
    }
}
