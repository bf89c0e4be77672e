package io.berth.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program of the distribution (by default {@code bin/berth}) as a child process with a clean environment:
 * only {@code PATH}, {@code HOME} and {@code PWD}, as the conformance checker gives it, plus what a test adds.
 */
final class BerthProcess {
    /** What one run produced. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path program;
    private final Map<String, String> env = new HashMap<>();
    private Path cwd;
    private byte[] stdin = new byte[0];

    BerthProcess(Path program) {
        this.program = program;
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", System.getProperty("java.io.tmpdir"));
        cwd = Path.of(System.getProperty("user.dir"));
    }

    /** {@code bin/berth} of the distribution under test ({@code -Dberth.dist}, set by the e2e pom). */
    static BerthProcess berth() {
        return new BerthProcess(dist().resolve("bin/berth"));
    }

    static Path dist() {
        Path dist = Path.of(System.getProperty("berth.dist", "../cli/target/berth")).toAbsolutePath().normalize();
        if (!Files.isExecutable(dist.resolve("bin/berth"))) {
            throw new IllegalStateException("no distribution at " + dist + ": build it first (mvn package)");
        }
        return dist;
    }

    static Path repo() {
        return Path.of(System.getProperty("berth.repo", "..")).toAbsolutePath().normalize();
    }

    BerthProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    BerthProcess in(Path dir) {
        cwd = dir;
        return this;
    }

    BerthProcess stdin(String content) {
        stdin = content.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("PWD", cwd.toString());
        try {
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // The command did not read its input; what it printed tells why.
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                stream.transferTo(buf);
                return buf.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofVirtual().name("drain").start(r));
    }
}
