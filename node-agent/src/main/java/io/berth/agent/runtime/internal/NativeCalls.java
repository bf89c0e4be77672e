package io.berth.agent.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The few libc calls the JDK lacks: {@code SOCK_SEQPACKET} unix sockets (conmon's attach socket) and
 * non-blocking opens of FIFOs (conmon's {@code ctl} FIFO, which must not block when conmon is gone). Bound with
 * jnr-ffi (a dependency of jnr-posix); one instance per runtime.
 */
final class NativeCalls {
    static final int AF_UNIX = 1;
    static final int SOCK_SEQPACKET = 5;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SHUT_WR = 1;
    static final int SHUT_RDWR = 2;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;
    static final int O_PATH = 0x200000;
    static final int EINTR = 4;
    static final int ENXIO = 6;

    /** libc as jnr-ffi binds it. */
    public interface LibC {
        int socket(int domain, int type, int protocol);

        int connect(int fd, @In byte[] address, int length);

        long read(int fd, @Out byte[] buffer, long count);

        long write(int fd, @In byte[] buffer, long count);

        int shutdown(int fd, int how);

        int close(int fd);

        int open(@In byte[] path, int flags, int mode);

        String strerror(int errnum);

        int mkfifo(@In byte[] path, int mode);
    }

    private final LibC libc;
    private final Runtime runtime;

    NativeCalls() {
        this.libc = LibraryLoader.create(LibC.class).load("c");
        this.runtime = Runtime.getRuntime(libc);
    }

    int errno() {
        return LastError.getLastError(runtime);
    }

    IOException error(String what) {
        int errno = errno();
        return new IOException(what + ": " + libc.strerror(errno) + " (errno " + errno + ")");
    }

    /**
     * Connects a SOCK_SEQPACKET socket to {@code name} in {@code dir}. A path longer than a unix socket address
     * allows (107 bytes) goes through {@code /proc/self/fd/N/name} of the directory opened with O_PATH.
     */
    int connectSeqpacket(String dir, String name) throws IOException {
        String full = dir + "/" + name;
        if (full.getBytes(StandardCharsets.UTF_8).length <= 107) {
            return connectSeqpacket(full);
        }
        int dirFd = libc.open((dir + "\0").getBytes(StandardCharsets.UTF_8), O_PATH | O_CLOEXEC, 0);
        if (dirFd < 0) {
            throw error("open " + dir);
        }
        try {
            return connectSeqpacket("/proc/self/fd/" + dirFd + "/" + name);
        } finally {
            libc.close(dirFd);
        }
    }

    private int connectSeqpacket(String path) throws IOException {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length > 107) {
            throw new IOException("socket path too long for a unix socket (" + p.length + " bytes): " + path);
        }
        byte[] addr = new byte[2 + p.length + 1];
        addr[0] = (byte) AF_UNIX;
        System.arraycopy(p, 0, addr, 2, p.length);
        int fd = libc.socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw error("socket(AF_UNIX, SOCK_SEQPACKET)");
        }
        if (libc.connect(fd, addr, addr.length) < 0) {
            IOException e = error("connect " + path);
            libc.close(fd);
            throw e;
        }
        return fd;
    }

    /** One read; returns 0 at end of stream. Retries on EINTR. */
    int read(int fd, byte[] buffer) throws IOException {
        while (true) {
            long n = libc.read(fd, buffer, buffer.length);
            if (n >= 0) {
                return (int) n;
            }
            if (errno() != EINTR) {
                throw error("read");
            }
        }
    }

    /** Writes all of {@code data} as one packet (SEQPACKET) or fully (FIFO). */
    void write(int fd, byte[] data) throws IOException {
        long n = libc.write(fd, data, data.length);
        if (n < 0) {
            throw error("write");
        }
        if (n != data.length) {
            throw new IOException("short write: " + n + " of " + data.length + " bytes");
        }
    }

    void shutdown(int fd, int how) {
        libc.shutdown(fd, how);
    }

    void close(int fd) {
        libc.close(fd);
    }

    /** Makes a FIFO and opens it read-write: never blocks, and holds it open for both ends. */
    int openFifoReadWrite(String path) throws IOException {
        byte[] p = (path + "\0").getBytes(StandardCharsets.UTF_8);
        if (libc.mkfifo(p, 0600) < 0) {
            throw error("mkfifo " + path);
        }
        int fd = libc.open(p, O_RDWR | O_CLOEXEC, 0);
        if (fd < 0) {
            throw error("open " + path);
        }
        return fd;
    }

    /**
     * Writes a line to a FIFO if a reader has it open; returns false when no process reads it (conmon gone).
     */
    boolean writeFifo(String path, String line) throws IOException {
        byte[] p = (path + "\0").getBytes(StandardCharsets.UTF_8);
        int fd = libc.open(p, O_WRONLY | O_NONBLOCK | O_CLOEXEC, 0);
        if (fd < 0) {
            int errno = errno();
            if (errno == ENXIO || errno == 2) {
                return false;
            }
            throw new IOException("open " + path + ": " + libc.strerror(errno) + " (errno " + errno + ")");
        }
        try {
            write(fd, line.getBytes(StandardCharsets.UTF_8));
            return true;
        } finally {
            libc.close(fd);
        }
    }
}
