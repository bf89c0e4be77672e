package io.berth.cli.client;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts berthd in the background when nobody answers on the default socket, as {@code berth} promises a user who
 * just installed it: the daemon is {@code $BERTH_DAEMON}, else {@code $BERTH_HOME/bin/berthd}; it runs in a new
 * session ({@code setsid}) with its output appended to a log file, and the command line waits (polling
 * {@code GET /_ping} with back-off) until it answers, then says so on stderr.
 */
public final class DaemonStarter {
    /** How long to wait for a new daemon to answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final Map<String, String> env;
    private final Path logDirectoryPreferred;
    private final Path logDirectoryFallback;
    private final Duration timeout;

    /**
     * @param env       the process environment ({@code BERTH_DAEMON}, {@code BERTH_HOME}, {@code BERTH_DATA_ROOT};
     *                  also handed to the daemon)
     * @param logDirs   where the log goes: the first directory that can be made and written
     * @param timeout   how long to wait for {@code /_ping}
     */
    public DaemonStarter(Map<String, String> env, List<Path> logDirs, Duration timeout) {
        this.env = env;
        this.logDirectoryPreferred = logDirs.get(0);
        this.logDirectoryFallback = logDirs.size() > 1 ? logDirs.get(1) : logDirs.get(0);
        this.timeout = timeout;
    }

    /** The usual log places: {@code /var/log/berth}, else the data root ({@code $BERTH_DATA_ROOT}, /var/lib/berth). */
    public static DaemonStarter standard(Map<String, String> env) {
        String root = env.getOrDefault("BERTH_DATA_ROOT", "/var/lib/berth");
        return new DaemonStarter(env, List.of(Path.of("/var/log/berth"), Path.of(root)), DEFAULT_TIMEOUT);
    }

    /** The daemon's executable: {@code $BERTH_DAEMON}, else {@code $BERTH_HOME/bin/berthd}. */
    public Path daemonPath() {
        String explicit = env.get("BERTH_DAEMON");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String home = env.get("BERTH_HOME");
        if (home == null || home.isEmpty()) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "berthd", "Cannot connect to the Berth"
                    + " daemon at " + DaemonAddress.DEFAULT_URI + ", and cannot start one: BERTH_HOME is not set"
                    + " (bin/berth sets it); start berthd yourself or set BERTH_DAEMON to its path");
        }
        return Path.of(home, "bin", "berthd");
    }

    /**
     * Starts the daemon and waits until {@code client} gets an answer; prints
     * {@code berth: started berthd (pid N); log: PATH} on {@code err}.
     */
    public void start(EngineClient client, PrintWriter err) {
        Path daemon = daemonPath();
        if (!Files.isExecutable(daemon)) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, daemon.toString(), "Cannot connect to the"
                    + " Berth daemon at " + client.address().uri() + ", and cannot start one: " + daemon
                    + (Files.exists(daemon) ? " is not executable" : " does not exist")
                    + "; start berthd yourself or set BERTH_DAEMON to its path");
        }
        Path log = logFile();
        Process process = launch(daemon, log);
        waitUntilAnswering(client, process, log);
        err.println("berth: started berthd (pid " + process.pid() + "); log: " + log);
        err.flush();
    }

    private Process launch(Path daemon, Path log) {
        List<String> command = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                command.add(setsid);
                break;
            }
        }
        command.add(daemon.toString());
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, daemon.toString(), "cannot start " + daemon
                    + ": " + e.getMessage() + "; start berthd yourself or set BERTH_DAEMON to its path", e);
        }
    }

    private void waitUntilAnswering(EngineClient client, Process process, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 10;
        while (true) {
            if (client.ping()) {
                return;
            }
            if (!process.isAlive()) {
                throw new BerthException(ErrorCategory.UNAVAILABLE, "berthd", "berthd exited with code "
                        + process.exitValue() + " before it answered on " + client.address().uri()
                        + "; see its log: " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new BerthException(ErrorCategory.UNAVAILABLE, "berthd", "berthd (pid " + process.pid()
                        + ") did not answer on " + client.address().uri() + " within " + timeout.toSeconds()
                        + " s; it may still be starting (try again), see its log: " + log);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BerthException(ErrorCategory.UNAVAILABLE, "berthd", "interrupted while waiting for berthd");
            }
            pause = Math.min(pause * 2, 250);
        }
    }

    /** {@code berthd.log} in the first log directory that can be made and written. */
    Path logFile() {
        for (Path dir : List.of(logDirectoryPreferred, logDirectoryFallback)) {
            try {
                Files.createDirectories(dir);
                if (Files.isWritable(dir)) {
                    return dir.resolve("berthd.log");
                }
            } catch (IOException e) {
                // try the next place
            }
        }
        throw new BerthException(ErrorCategory.FAILED_PRECONDITION, logDirectoryPreferred.toString(),
                "cannot start berthd: neither " + logDirectoryPreferred + " nor " + logDirectoryFallback
                        + " can be written (berthd runs as root; run berth as root or start berthd yourself)");
    }
}
