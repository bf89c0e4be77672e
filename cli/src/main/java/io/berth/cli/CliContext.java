package io.berth.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the commands need from the outside world, handed in by {@link Main} (the real process) or by a test.
 *
 * @param environment      the process environment ({@code BERTH_HOST}, {@code BERTH_DEBUG}, interpolation)
 * @param workingDirectory the directory {@code berth} runs in
 * @param stdin            the content of standard input, read when {@code -f -} asks for it
 * @param loader           loads compose projects
 * @param version          the version of this build, for example {@code 0.1.0}
 * @param runtime          the Java runtime, for example {@code 25.0.1 (Eclipse Adoptium)}
 * @param platform         operating system and architecture, for example {@code linux/amd64}
 * @param console          the standard streams as bytes, and whether they are terminals
 * @param clock            now, for "5 seconds ago" and {@code --since 10m}
 */
public record CliContext(
        Map<String, String> environment,
        Path workingDirectory,
        Supplier<byte[]> stdin,
        ProjectLoader loader,
        String version,
        String runtime,
        String platform,
        Console console,
        Clock clock) {

    /** A context without console or clock of its own (no input, output discarded, the system clock in UTC). */
    public CliContext(Map<String, String> environment, Path workingDirectory, Supplier<byte[]> stdin,
                      ProjectLoader loader, String version, String runtime, String platform) {
        this(environment, workingDirectory, stdin, loader, version, runtime, platform, Console.none(),
                Clock.systemUTC());
    }

    public CliContext {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(clock, "clock");
    }

    /** True when {@code BERTH_DEBUG} is set to something other than empty, {@code 0} or {@code false}. */
    public boolean debug() {
        String v = environment.get("BERTH_DEBUG");
        return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }
}
