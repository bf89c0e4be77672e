package io.berth.scheduler.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <dataRoot>/berthd.lock} held for the life of a daemon, so two berthd processes
 * never share a data root. The kernel drops the lock when the process dies, even by SIGKILL.
 */
public final class DataRootLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataRootLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static DataRootLock acquire(Path dataRoot) {
        Path file = dataRoot.resolve("berthd.lock");
        try {
            Files.createDirectories(dataRoot);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new BerthException(ErrorCategory.FAILED_PRECONDITION, dataRoot.toString(),
                        "another berthd uses the data root " + dataRoot + " (" + file + " is locked): stop it, or"
                                + " start this one with another --data-root");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            return new DataRootLock(channel, lock);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, dataRoot.toString(),
                    "cannot lock the data root " + dataRoot + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
