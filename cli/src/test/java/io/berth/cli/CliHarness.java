package io.berth.cli;

import io.berth.compose.LoadOptions;
import io.berth.compose.Project;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs {@code berth} in this JVM against a fake loader, and records what it printed, its exit code and every
 * {@link LoadOptions} it asked the loader for. No file is read: the fake answers with a project built in the test.
 */
public final class CliHarness {
    /** What one run produced. */
    public record Result(int code, String out, String err, List<LoadOptions> loads) {
        public LoadOptions load() {
            if (loads.size() != 1) {
                throw new AssertionError("expected one load, got " + loads.size() + "; stderr: " + err);
            }
            return loads.get(0);
        }
    }

    /** The clock every harness run sees: 2024-01-01T12:00:00Z. */
    public static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");

    private final Map<String, String> env = new HashMap<>();
    private boolean inTerminal;
    private boolean outTerminal;
    private Path cwd = Path.of("/work/app");
    private String stdin = "";
    private Function<LoadOptions, Project> loader = o -> {
        throw new UnsupportedOperationException("the test gave no project");
    };

    public CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliHarness cwd(Path dir) {
        cwd = dir;
        return this;
    }

    public CliHarness stdin(String content) {
        stdin = content;
        return this;
    }

    /** Whether stdin and stdout are terminals in this run. */
    public CliHarness terminal(boolean in, boolean out) {
        inTerminal = in;
        outTerminal = out;
        return this;
    }

    public CliHarness project(Project project) {
        loader = o -> project;
        return this;
    }

    public CliHarness loader(Function<LoadOptions, Project> fake) {
        loader = fake;
        return this;
    }

    public Result run(String... args) {
        List<LoadOptions> loads = new ArrayList<>();
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(outBytes, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(errBytes, StandardCharsets.UTF_8), true);
        Console console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), outBytes,
                errBytes, inTerminal, outTerminal);
        CliContext ctx = new CliContext(env, cwd, () -> stdin.getBytes(StandardCharsets.UTF_8),
                options -> {
                    loads.add(options);
                    return loader.apply(options);
                },
                "9.9.9-test", "25 (Test JVM)", "linux/amd64", console, Clock.fixed(NOW, ZoneOffset.UTC));
        int code = Main.run(args, ctx, out, err);
        out.flush();
        err.flush();
        return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8),
                loads);
    }
}
