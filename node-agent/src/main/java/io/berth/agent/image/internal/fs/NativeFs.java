package io.berth.agent.image.internal.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jnr.constants.platform.Errno;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * File-system calls the JDK lacks (lchown, chmod with setuid bits, mknod, lutimes, xattrs, mount), each a
 * direct libc call through jnr-ffi: no process is forked. Failures become {@link IOException}s that name the
 * call, the path and the errno text. One instance per process is enough; it is stateless and thread-safe.
 */
public final class NativeFs {
    public static final int S_IFIFO = 0010000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFBLK = 0060000;
    public static final int ENOENT = 2;
    public static final int EEXIST = 17;
    public static final int ENODATA = 61;
    public static final int EINVAL = 22;
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int MNT_DETACH = 2;

    private final LibC libc;
    private final Runtime runtime;
    private final boolean root;

    public NativeFs() {
        this.libc = LibraryLoader.create(LibC.class).load("c");
        this.runtime = Runtime.getRuntime(libc);
        this.root = libc.geteuid() == 0;
    }

    /** True when running as root: owners, device nodes and trusted.* xattrs can be set. */
    public boolean isRoot() {
        return root;
    }

    public void lchown(Path path, long uid, long gid) throws IOException {
        check(libc.lchown(path.toString(), (int) uid, (int) gid), "lchown", path);
    }

    /** chmod(2) with all 12 mode bits (setuid, setgid, sticky), which the JDK's permission API cannot set. */
    public void chmod(Path path, int mode) throws IOException {
        check(libc.chmod(path.toString(), mode & 07777), "chmod", path);
    }

    public void mknod(Path path, int typeAndMode, long major, long minor) throws IOException {
        check(libc.mknod(path.toString(), typeAndMode, makedev(major, minor)), "mknod", path);
    }

    /** Sets the modification (and access) time without following a symbolic link. */
    public void lutimes(Path path, long epochSecond, long nanos) throws IOException {
        long[] times = {epochSecond, nanos, epochSecond, nanos};
        check(libc.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
    }

    public void lsetxattr(Path path, String name, byte[] value) throws IOException {
        check(libc.lsetxattr(path.toString(), name, value, value.length, 0), "lsetxattr " + name, path);
    }

    /** The value of an extended attribute, or empty when the file does not have it. */
    public Optional<byte[]> lgetxattr(Path path, String name) throws IOException {
        byte[] buf = new byte[256];
        while (true) {
            long n = libc.lgetxattr(path.toString(), name, buf, buf.length);
            if (n >= 0) {
                return Optional.of(java.util.Arrays.copyOf(buf, (int) n));
            }
            int errno = runtime.getLastError();
            if (errno == ENODATA || errno == 95 /* ENOTSUP */) {
                return Optional.empty();
            }
            if (errno != 34 /* ERANGE */) {
                throw error(errno, "lgetxattr " + name, path);
            }
            buf = new byte[buf.length * 4];
        }
    }

    /** The names of a file's extended attributes (without following a symbolic link). */
    public List<String> llistxattr(Path path) throws IOException {
        byte[] buf = new byte[1024];
        long n;
        while ((n = libc.llistxattr(path.toString(), buf, buf.length)) < 0) {
            int errno = runtime.getLastError();
            if (errno == 95) {
                return List.of();
            }
            if (errno != 34) {
                throw error(errno, "llistxattr", path);
            }
            buf = new byte[buf.length * 4];
        }
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (buf[i] == 0) {
                names.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return names;
    }

    public void symlink(String target, Path link) throws IOException {
        check(libc.symlink(target, link.toString()), "symlink", link);
    }

    public void link(Path existing, Path link) throws IOException {
        check(libc.link(existing.toString(), link.toString()), "link " + existing + " ->", link);
    }

    /** mkdir(2); returns false when something already exists at the path (EEXIST). */
    public boolean mkdir(Path path, int mode) throws IOException {
        if (libc.mkdir(path.toString(), mode) == 0) {
            return true;
        }
        int errno = runtime.getLastError();
        if (errno == EEXIST) {
            return false;
        }
        throw error(errno, "mkdir", path);
    }

    public void mount(String source, Path target, String fsType, long flags, String data) throws IOException {
        check(libc.mount(source, target.toString(), fsType, flags, data), "mount " + fsType + " on", target);
    }

    /** Unmounts; returns false when the path was not a mount point (EINVAL) or does not exist. */
    public boolean unmount(Path target, boolean detach) throws IOException {
        if (libc.umount2(target.toString(), detach ? MNT_DETACH : 0) == 0) {
            return true;
        }
        int errno = runtime.getLastError();
        if (errno == EINVAL || errno == ENOENT) {
            return false;
        }
        throw error(errno, "umount", target);
    }

    /** glibc's makedev for 64-bit dev_t. */
    static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8)
                | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    private void check(int rc, String call, Path path) throws IOException {
        if (rc != 0) {
            throw error(runtime.getLastError(), call, path);
        }
    }

    private static IOException error(int errno, String call, Path path) {
        String text = describe(errno);
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(path.toString(), null, call + ": " + text);
            case EEXIST -> new FileAlreadyExistsException(path.toString(), null, call + ": " + text);
            default -> new IOException(call + " " + path + ": " + text + " (errno " + errno + ")");
        };
    }

    private static String describe(int errno) {
        Errno e = Errno.valueOf(errno);
        return e == null || e.description() == null ? "errno " + errno : e.description();
    }
}
