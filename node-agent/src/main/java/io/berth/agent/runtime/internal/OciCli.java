package io.berth.agent.runtime.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the OCI runtime's commands ({@code runc --root R start ID}...), one fork each, reading stdout and stderr. */
final class OciCli {
    private final Path binary;
    private final Path root;

    OciCli(Path binary, Path root) {
        this.binary = binary;
        this.root = root;
    }

    Path binary() {
        return binary;
    }

    Path root() {
        return root;
    }

    /** The result of one run. */
    record Output(int exitCode, String stdout, String stderr) {
    }

    Output run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.add("--root");
        cmd.add(root.toString());
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /** Runs, and throws naming the container when the runtime fails. */
    String runOrThrow(String id, String... args) {
        Output out = run(args);
        if (out.exitCode() != 0) {
            String msg = out.stderr().strip();
            ErrorCategory cat = msg.contains("does not exist") || msg.contains("not exist")
                    ? ErrorCategory.NOT_FOUND
                    : msg.contains("not running") || msg.contains("not paused") || msg.contains("is paused")
                            || msg.contains("cannot") ? ErrorCategory.CONFLICT : ErrorCategory.INTERNAL;
            throw new BerthException(cat, "container " + id, binary.getFileName() + " " + args[0] + " failed for "
                    + "container " + id + ": " + msg);
        }
        return out.stdout();
    }

    static Output exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            var err = p.getErrorStream();
            // stderr is small; read it after stdout (both pipes have room for what runc writes)
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(err.readAllBytes(), StandardCharsets.UTF_8);
            return new Output(p.waitFor(), stdout, stderr);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, cmd.get(0),
                    "cannot run " + cmd.get(0) + ": " + e.getMessage() + "; is it installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException(ErrorCategory.UNAVAILABLE, cmd.get(0), "interrupted while running " + cmd, e);
        }
    }
}
