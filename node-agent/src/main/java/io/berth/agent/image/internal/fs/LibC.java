package io.berth.agent.image.internal.fs;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/** The libc calls the JDK lacks, bound with jnr-ffi. Every call saves errno for {@link NativeFs}. */
public interface LibC {
    @SaveError
    int lchown(String path, int uid, int gid);

    @SaveError
    int chmod(String path, int mode);

    @SaveError
    int mknod(String path, int mode, long dev);

    @SaveError
    int utimensat(int dirfd, String path, @In long[] times, int flags);

    @SaveError
    int lsetxattr(String path, String name, @In byte[] value, @size_t long size, int flags);

    @SaveError
    @ssize_t
    long lgetxattr(String path, String name, @Out byte[] value, @size_t long size);

    @SaveError
    @ssize_t
    long llistxattr(String path, @Out byte[] list, @size_t long size);

    @SaveError
    int mount(String source, String target, String fstype, long flags, String data);

    @SaveError
    int umount2(String target, int flags);

    @SaveError
    int symlink(String target, String linkpath);

    @SaveError
    int link(String oldpath, String newpath);

    @SaveError
    int mkdir(String path, int mode);

    int geteuid();
}
