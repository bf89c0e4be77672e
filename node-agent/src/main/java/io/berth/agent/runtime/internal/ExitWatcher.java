package io.berth.agent.runtime.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;

/**
 * Watches conmon's exit directory with inotify (one thread for all containers) and reports the id of every exit
 * file that appears. conmon writes each exit file through a temporary name and a rename, so the final name
 * appears complete. Chosen over conmon's {@code --exit-command}, which would fork a program per exit and need a
 * way back into berthd; exits that happen while berthd is down are found by {@code recover()} from the same files.
 */
final class ExitWatcher implements AutoCloseable {
    private final WatchService watch;
    private final Thread thread;

    ExitWatcher(Path exitsDir, Consumer<String> onExit) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        exitsDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = new Thread(() -> loop(onExit), "berth-exit-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Consumer<String> onExit) {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        try {
                            onExit.accept(name.toString());
                        } catch (RuntimeException e) {
                            System.getLogger("io.berth.agent.runtime").log(System.Logger.Level.WARNING,
                                    "exit listener failed for container " + name, e);
                        }
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException ignored) {
            // nothing to release beyond the inotify fd
        }
        thread.interrupt();
    }
}
