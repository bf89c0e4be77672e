package io.berth.scheduler.internal.files;

import java.io.IOException;

/** mknod(2) through jnr-ffi, for device nodes and FIFOs in a tar extracted into a container (the JDK has none). */
public final class Mknod {
    /** The libc function bound. */
    public interface LibC {
        int mknod(String path, int mode, long dev);
    }

    private final LibC libc;
    private final jnr.ffi.Runtime runtime;

    private Mknod(LibC libc) {
        this.libc = libc;
        this.runtime = jnr.ffi.Runtime.getRuntime(libc);
    }

    /** Binds libc (once per daemon). */
    public static Mknod load() {
        return new Mknod(jnr.ffi.LibraryLoader.create(LibC.class).failImmediately().load("c"));
    }

    /** {@code mode} holds the file type bits (S_IFIFO, S_IFCHR, S_IFBLK) and the permissions. */
    void make(String path, int mode, long dev) throws IOException {
        if (libc.mknod(path, mode, dev) != 0) {
            throw new IOException("mknod " + path + ": errno " + runtime.getLastError());
        }
    }
}
