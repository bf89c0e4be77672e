package io.berth.cli;

import io.berth.compose.LoadOptions;
import io.berth.compose.Project;
import java.io.PrintWriter;
import java.io.StringWriter;
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
final class CliHarness {
    /** What one run produced. */
    record Result(int code, String out, String err, List<LoadOptions> loads) {
        LoadOptions load() {
            if (loads.size() != 1) {
                throw new AssertionError("expected one load, got " + loads.size() + "; stderr: " + err);
            }
            return loads.get(0);
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private Path cwd = Path.of("/work/app");
    private String stdin = "";
    private Function<LoadOptions, Project> loader = o -> {
        throw new UnsupportedOperationException("the test gave no project");
    };

    CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliHarness cwd(Path dir) {
        cwd = dir;
        return this;
    }

    CliHarness stdin(String content) {
        stdin = content;
        return this;
    }

    CliHarness project(Project project) {
        loader = o -> project;
        return this;
    }

    CliHarness loader(Function<LoadOptions, Project> fake) {
        loader = fake;
        return this;
    }

    Result run(String... args) {
        List<LoadOptions> loads = new ArrayList<>();
        CliContext ctx = new CliContext(env, cwd, () -> stdin.getBytes(StandardCharsets.UTF_8),
                options -> {
                    loads.add(options);
                    return loader.apply(options);
                },
                "9.9.9-test", "25 (Test JVM)", "linux/amd64");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, ctx, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString(), loads);
    }
}
