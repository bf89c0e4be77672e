package io.berth.agent.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Docker's {@code max-size}/{@code max-file} rotation for {@code max-file > 1}: {@code ctr.log} becomes
 * {@code ctr.log.1}, older files shift up, the oldest beyond max-file goes, and conmon is told through its
 * {@code ctl} FIFO ({@code "2 0 0"}) to reopen, which creates a fresh {@code ctr.log}. Lines conmon writes
 * between the rename and the reopen land at the end of {@code ctr.log.1}: nothing is lost. (With max-file 1,
 * conmon's own {@code --log-size-max} does it: it starts the file afresh, which is Docker's max-file 1 too.)
 */
final class LogRotator {
    private final NativeCalls calls;

    LogRotator(NativeCalls calls) {
        this.calls = calls;
    }

    /** Rotates when due; returns whether it did. */
    boolean rotateIfDue(Path log, Path ctlFifo, long maxSize, int maxFile) throws IOException {
        if (maxSize <= 0 || maxFile <= 1) {
            return false;
        }
        long size;
        try {
            size = Files.size(log);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (size < maxSize) {
            return false;
        }
        Files.deleteIfExists(Path.of(log + "." + (maxFile - 1)));
        for (int i = maxFile - 2; i >= 1; i--) {
            Path from = Path.of(log + "." + i);
            if (Files.exists(from)) {
                Files.move(from, Path.of(log + "." + (i + 1)), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(log, Path.of(log + ".1"), StandardCopyOption.ATOMIC_MOVE);
        calls.writeFifo(ctlFifo.toString(), "2 0 0\n");
        return true;
    }
}
