package io.berth.cli;

import io.berth.compose.BerthException;
import io.berth.compose.ComposeLoader;
import io.berth.compose.ErrorCategory;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The composition root of {@code berth}: the one place that reads the process's environment, working directory,
 * standard streams and JVM facts, and hands them to the command tree as a {@link CliContext}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: the conformance checker and CI run with no LANG, where Java would print '?'.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        Console console = new Console(System.in, new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), isTerminal(0), isTerminal(1));
        int code = run(args, processContext(System.getenv(), System.in, console), out, err);
        out.flush();
        err.flush();
        // halt, not exit: everything is flushed and no shutdown hook is ours, while Runtime.exit first sets up
        // the JDK's System.Logger to log the exit (JDK 21+), a few ms of every run of berth.
        Runtime.getRuntime().halt(code);
    }

    /** Runs one command line against {@code ctx}; returns the exit code. */
    public static int run(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
        return CommandTree.build(args, ctx, out, err).execute(args);
    }

    /** The context of this process: its environment, working directory, stdin and the real loader. */
    static CliContext processContext(Map<String, String> env, InputStream stdin, Console console) {
        ComposeLoader loader = new ComposeLoader();
        String version = Main.class.getPackage().getImplementationVersion();
        return new CliContext(env, workingDirectory(env), readAll(stdin), loader::load,
                version == null ? "dev" : version,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name").toLowerCase(Locale.ROOT) + "/" + System.getProperty("os.arch"),
                console, new SystemClock());
    }

    /** The system clock in the local zone, which is looked up only when asked (reading it costs milliseconds). */
    private static final class SystemClock extends Clock {
        private ZoneId zone;

        @Override
        public synchronized ZoneId getZone() {
            if (zone == null) {
                zone = ZoneId.systemDefault();
            }
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return Clock.system(z);
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }
    }

    /** Whether file descriptor {@code fd} of this process is a terminal (Linux: where /proc/self/fd/N points). */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The working directory as the shell names it: {@code $PWD} when it is the same directory as the process's
     * (so a path through a symbolic link stays as the user typed it, as Go's {@code os.Getwd} does), else the
     * physical one.
     */
    static Path workingDirectory(Map<String, String> env) {
        Path cwd = Path.of(System.getProperty("user.dir"));
        String pwd = env.get("PWD");
        if (pwd != null && pwd.startsWith("/") && !pwd.equals(cwd.toString())) {
            try {
                if (Files.isSameFile(Path.of(pwd), cwd)) {
                    return Path.of(pwd);
                }
            } catch (IOException | RuntimeException e) {
                return cwd;
            }
        }
        return cwd;
    }

    /** Standard input, read once on first use (only {@code -f -} asks for it). */
    private static Supplier<byte[]> readAll(InputStream in) {
        return new Supplier<>() {
            private byte[] content;

            @Override
            public synchronized byte[] get() {
                if (content == null) {
                    try {
                        content = in.readAllBytes();
                    } catch (IOException e) {
                        throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "-",
                                "cannot read the compose file from standard input: " + e.getMessage(), e);
                    }
                }
                return content;
            }
        };
    }
}
