package io.berth.volumes.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Thin, checked wrappers over {@link LibC}: each call throws {@link NativeException} with errno and the C message.
 * One instance per store (no static state); loading binds libc once.
 */
public final class Native {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINVAL = 22;
    public static final int ENODATA = 61;
    public static final int ERANGE = 34;
    public static final int ENOTSUP = 95;
    public static final int MNT_DETACH = 2;
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;

    private final LibC libc;
    private final Runtime runtime;

    private Native(LibC libc) {
        this.libc = libc;
        this.runtime = Runtime.getRuntime(libc);
    }

    public static Native load() {
        return new Native(LibraryLoader.create(LibC.class).load("libc.so.6"));
    }

    /** An errno from a failed call, with the call and its object in the message. */
    public static final class NativeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int errno;

        NativeException(String message, int errno) {
            super(message);
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    private NativeException error(String what) {
        int errno = LastError.getLastError(runtime);
        return new NativeException(what + ": " + libc.strerror(errno) + " (errno " + errno + ")", errno);
    }

    public void mount(String source, String target, String type, long flags, String data) throws NativeException {
        if (libc.mount(source, target, type, flags, data) != 0) {
            throw error("mount " + source + " on " + target + " (type " + type + ", flags 0x"
                    + Long.toHexString(flags) + ", data '" + data + "')");
        }
    }

    /** umount2; returns false when {@code target} was not a mount point (EINVAL) or is gone (ENOENT). */
    public boolean unmount(String target, int flags) throws NativeException {
        if (libc.umount2(target, flags) == 0) {
            return true;
        }
        int errno = LastError.getLastError(runtime);
        if (errno == EINVAL || errno == ENOENT) {
            return false;
        }
        throw new NativeException("umount " + target + ": " + libc.strerror(errno) + " (errno " + errno + ")",
                errno);
    }

    /** The names of the extended attributes of {@code path} itself (a symlink is not followed). */
    public List<String> listXattrs(String path) throws NativeException {
        long size = libc.llistxattr(path, null, 0);
        if (size < 0) {
            int errno = LastError.getLastError(runtime);
            if (errno == ENOTSUP) {
                return List.of();
            }
            throw error("llistxattr " + path);
        }
        List<String> names = new ArrayList<>();
        if (size == 0) {
            return names;
        }
        byte[] buf = new byte[(int) size];
        long n = libc.llistxattr(path, buf, buf.length);
        if (n < 0) {
            throw error("llistxattr " + path);
        }
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (buf[i] == 0) {
                if (i > start) {
                    names.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return names;
    }

    /** The value of one extended attribute of {@code path} itself; null when it vanished meanwhile. */
    public byte[] getXattr(String path, String name) throws NativeException {
        long size = libc.lgetxattr(path, name, null, 0);
        if (size < 0) {
            if (LastError.getLastError(runtime) == ENODATA) {
                return null;
            }
            throw error("lgetxattr " + path + " " + name);
        }
        byte[] value = new byte[(int) size];
        long n = size == 0 ? 0 : libc.lgetxattr(path, name, value, value.length);
        if (n < 0) {
            throw error("lgetxattr " + path + " " + name);
        }
        return n == size ? value : java.util.Arrays.copyOf(value, (int) n);
    }

    public void setXattr(String path, String name, byte[] value) throws NativeException {
        if (libc.lsetxattr(path, name, value, value.length, 0) != 0) {
            throw error("lsetxattr " + path + " " + name);
        }
    }

    public void mknod(String path, int mode, long dev) throws NativeException {
        if (libc.mknod(path, mode, dev) != 0) {
            throw error("mknod " + path);
        }
    }

    public void lchown(String path, int uid, int gid) throws NativeException {
        if (libc.lchown(path, uid, gid) != 0) {
            throw error("lchown " + path);
        }
    }

    public void chmod(String path, int mode) throws NativeException {
        if (libc.chmod(path, mode) != 0) {
            throw error("chmod " + path);
        }
    }

    /** Sets access and modification times of {@code path} itself, to the nanosecond. */
    public void setTimes(String path, long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec)
            throws NativeException {
        long[] times = {atimeSec, atimeNsec, mtimeSec, mtimeNsec};
        if (libc.utimensat(AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW) != 0) {
            throw error("utimensat " + path);
        }
    }
}
