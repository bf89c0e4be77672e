package io.berth.volumes.internal;

import jnr.ffi.types.dev_t;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int64_t;

/**
 * The libc calls that neither the JDK nor jnr-posix offer: mount(2), umount2(2), the l*xattr(2) family,
 * mknod(2), and utimensat(2)/lchown(2)/chmod(2) so that one binding does all metadata work. Loaded by
 * {@link Native}.
 */
public interface LibC {
    int mount(String source, String target, String filesystemType, @u_int64_t long flags, String data);

    int umount2(String target, int flags);

    @ssize_t long llistxattr(String path, byte[] list, @size_t long size);

    @ssize_t long lgetxattr(String path, String name, byte[] value, @size_t long size);

    int lsetxattr(String path, String name, byte[] value, @size_t long size, int flags);

    int mknod(String path, @mode_t int mode, @dev_t long dev);

    int lchown(String path, int uid, int gid);

    int chmod(String path, @mode_t int mode);

    /** @param times {atime sec, atime nsec, mtime sec, mtime nsec}: two struct timespec on 64-bit Linux */
    int utimensat(int dirfd, String path, long[] times, int flags);

    String strerror(int errnum);
}
