package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.LogEntry;
import io.berth.agent.runtime.LogQuery;
import io.berth.agent.runtime.LogStream;
import io.berth.agent.runtime.StdStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Reads a container's k8s-file log: rotated files oldest first ({@code ctr.log.N} ... {@code ctr.log.1}), then
 * {@code ctr.log}; partial lines joined per stream; since/until/stream filters; tail over everything; and, when
 * following, the live file: a replaced file (our rotation, or conmon's own truncation at {@code --log-size-max})
 * is noticed by its inode and the new one read from its start. Following ends when the container has exited and
 * the log is drained, or on {@link #close()}.
 */
final class K8sLogStream implements LogStream {
    private static final long FOLLOW_POLL_NANOS = 50_000_000L;

    private final Path log;
    private final LogQuery query;
    private final BooleanSupplier exited;
    private final Deque<LogEntry> ready = new ArrayDeque<>();
    private final Map<StdStream, StringBuilder> partial = new EnumMap<>(StdStream.class);
    private final Map<StdStream, Instant> lastTime = new EnumMap<>(StdStream.class);
    private volatile boolean closed;
    private LineReader current;
    private Object currentKey;
    private boolean historyDone;

    K8sLogStream(Path log, LogQuery query, BooleanSupplier exited) {
        this.log = log;
        this.query = query;
        this.exited = exited;
    }

    @Override
    public LogEntry next() throws IOException, InterruptedException {
        if (!historyDone) {
            readHistory();
            historyDone = true;
        }
        while (ready.isEmpty()) {
            if (closed || !query.follow()) {
                flushPartials();
                return ready.poll();
            }
            boolean wasExited = exited.getAsBoolean();
            if (!readLive() && wasExited) {
                flushPartials();
                closed = true;
                return ready.poll();
            }
            if (ready.isEmpty()) {
                LockSupport.parkNanos(FOLLOW_POLL_NANOS);
                if (Thread.interrupted()) {
                    throw new InterruptedException("following the log of " + log);
                }
            }
        }
        return ready.poll();
    }

    /** Rotated files and the current file to its end, applying tail. */
    private void readHistory() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; Files.exists(Path.of(log + "." + i)); i++) {
            files.addFirst(Path.of(log + "." + i));
        }
        for (Path f : files) {
            try (LineReader r = new LineReader(Files.newInputStream(f))) {
                drain(r);
            } catch (NoSuchFileException e) {
                // rotated away while we read: its lines are gone, as in Docker
            }
        }
        openCurrent();
        if (current != null) {
            drain(current);
        }
        if (query.tail() >= 0) {
            while (ready.size() > query.tail()) {
                ready.poll();
            }
        }
    }

    /** Reads what is new; returns whether anything was read or the file was replaced. */
    private boolean readLive() throws IOException {
        int before = ready.size();
        if (current == null) {
            openCurrent();
        }
        boolean progressed = false;
        if (current != null) {
            progressed = drain(current);
            Object key = fileKey();
            if (key != null && !key.equals(currentKey)) {
                drain(current);
                current.close();
                current = null;
                openCurrent();
                progressed = true;
            }
        }
        return progressed || ready.size() > before;
    }

    private void openCurrent() throws IOException {
        try {
            FileChannel ch = FileChannel.open(log, StandardOpenOption.READ);
            currentKey = Files.readAttributes(log, BasicFileAttributes.class).fileKey();
            current = new LineReader(Channels.newInputStream(ch));
        } catch (NoSuchFileException e) {
            current = null;
        }
    }

    private Object fileKey() {
        try {
            return Files.readAttributes(log, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads complete lines; returns whether any was read. */
    private boolean drain(LineReader r) throws IOException {
        boolean any = false;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            any = true;
            accept(K8sLogLine.parse(line));
        }
        return any;
    }

    /** A process that ended without a final newline leaves a partial line: deliver it as is. */
    private void flushPartials() {
        partial.forEach((stream, sb) -> {
            if (!sb.isEmpty()) {
                emit(lastTime.getOrDefault(stream, Instant.EPOCH), stream, sb.toString());
                sb.setLength(0);
            }
        });
    }

    private void accept(K8sLogLine line) {
        if (line == null) {
            return;
        }
        lastTime.put(line.stream(), line.time());
        StringBuilder sb = partial.computeIfAbsent(line.stream(), s -> new StringBuilder());
        sb.append(line.text());
        if (line.partial()) {
            return;
        }
        String text = sb.append('\n').toString();
        sb.setLength(0);
        emit(line.time(), line.stream(), text);
    }

    private void emit(Instant time, StdStream stream, String text) {
        boolean wanted = stream == StdStream.STDOUT ? query.stdout() : query.stderr();
        if (wanted && (query.since() == null || !time.isBefore(query.since()))
                && (query.until() == null || time.isBefore(query.until()))) {
            ready.add(new LogEntry(time, stream, text));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (current != null) {
                current.close();
            }
        } catch (IOException ignored) {
            // nothing to do about a failed close of a read-only file
        }
    }
}
