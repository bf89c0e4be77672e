package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.ContainerState;
import io.berth.agent.runtime.ContainerStatus;
import io.berth.agent.runtime.TopResult;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/** start, kill, stop, pause, unpause, resize and top: the runtime's commands plus the rules around them. */
final class Lifecycle {
    private static final Pattern SIGNAL = Pattern.compile("(SIG)?[A-Z0-9+-]+|[0-9]+");

    private final RuntimeContext ctx;
    private final StateReader states;
    private final BiFunction<String, Duration, ContainerState> awaitExit;

    Lifecycle(RuntimeContext ctx, StateReader states, BiFunction<String, Duration, ContainerState> awaitExit) {
        this.ctx = ctx;
        this.states = states;
        this.awaitExit = awaitExit;
    }

    ContainerRecord record(String id) {
        try {
            return ctx.json().readValue(ctx.paths().record(id).toFile(), ContainerRecord.class);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.NOT_FOUND, "container " + id, "no such container: " + id, e);
        }
    }

    void start(String id) {
        ContainerState s = states.state(id);
        if (s.status() != ContainerStatus.CREATED) {
            throw new BerthException(ErrorCategory.CONFLICT, "container " + id, "container " + id + " is "
                    + s.status().name().toLowerCase(Locale.ROOT) + ": only a created container can be started "
                    + "(an exited one is deleted and created again)");
        }
        try {
            Files.writeString(ctx.paths().started(id), ctx.clock().instant().toString());
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, "container " + id, "cannot record start: " + e, e);
        }
        ctx.cli().runOrThrow(id, "start", id);
    }

    static String signal(String signal) {
        String s = signal.strip().toUpperCase(Locale.ROOT);
        if (!SIGNAL.matcher(s).matches()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "signal " + signal,
                    "invalid signal \"" + signal + "\": use a name like SIGTERM or HUP, or a number");
        }
        return s.startsWith("SIG") ? s.substring(3) : s;
    }

    void kill(String id, String signal) {
        ContainerState s = states.state(id);
        if (!s.isRunning()) {
            throw new BerthException(ErrorCategory.CONFLICT, "container " + id,
                    "container " + id + " is not running (" + s.status().name().toLowerCase(Locale.ROOT) + ")");
        }
        ctx.cli().runOrThrow(id, "kill", id, signal(signal));
    }

    ContainerState stop(String id, Duration timeout) {
        ContainerState s = states.state(id);
        if (!s.isRunning()) {
            return s;
        }
        String stopSignal = signal(record(id).stopSignal());
        ctx.cli().run("kill", id, stopSignal);
        if (s.status() == ContainerStatus.PAUSED) {
            ctx.cli().run("resume", id);
        }
        ContainerState after = awaitExit.apply(id, timeout);
        if (after.isRunning()) {
            ctx.cli().run("kill", id, "KILL");
            after = awaitExit.apply(id, Duration.ofSeconds(30));
        }
        if (after.isRunning()) {
            throw new BerthException(ErrorCategory.UNAVAILABLE, "container " + id, "container " + id
                    + " did not exit 30 s after SIGKILL (a process in uninterruptible sleep?): try again later");
        }
        return after;
    }

    void pause(String id) {
        ContainerState s = states.state(id);
        if (s.status() != ContainerStatus.RUNNING) {
            throw new BerthException(ErrorCategory.CONFLICT, "container " + id,
                    "container " + id + " is " + s.status().name().toLowerCase(Locale.ROOT) + ", not running");
        }
        ctx.cli().runOrThrow(id, "pause", id);
    }

    void unpause(String id) {
        ContainerState s = states.state(id);
        if (s.status() != ContainerStatus.PAUSED) {
            throw new BerthException(ErrorCategory.CONFLICT, "container " + id,
                    "container " + id + " is not paused");
        }
        ctx.cli().runOrThrow(id, "resume", id);
    }

    void resize(String id, int rows, int columns) {
        states.state(id);
        try {
            if (!ctx.calls().writeFifo(ctx.paths().ctlFifo(id).toString(), "1 " + rows + " " + columns + "\n")) {
                throw new BerthException(ErrorCategory.CONFLICT, "container " + id,
                        "cannot resize container " + id + ": its conmon is not running");
            }
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, "container " + id, "resize failed: " + e, e);
        }
    }

    /** {@code ps} (default {@code -ef}) filtered to the pids in the container's cgroup, as Docker's top does. */
    TopResult top(String id, List<String> psArgs) {
        Set<String> pids = new HashSet<>();
        new CgroupReader(ctx.cgroups()).pids(ctx.cgroupsPath(id)).forEach(p -> pids.add(p.toString()));
        List<String> cmd = new ArrayList<>(List.of("ps"));
        cmd.addAll(psArgs.isEmpty() ? List.of("-ef") : psArgs);
        var out = OciCli.exec(cmd);
        if (out.exitCode() != 0) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "container " + id,
                    "ps " + String.join(" ", cmd.subList(1, cmd.size())) + " failed: " + out.stderr().strip());
        }
        List<String> lines = out.stdout().lines().toList();
        List<String> titles = Arrays.asList(lines.getFirst().strip().split("\\s+"));
        int pidCol = titles.indexOf("PID");
        if (pidCol < 0) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "container " + id,
                    "ps output has no PID column: add -o pid (or use the default -ef)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.strip().split("\\s+", titles.size());
            if (f.length > pidCol && pids.contains(f[pidCol])) {
                rows.add(Arrays.asList(f));
            }
        }
        return new TopResult(titles, rows);
    }
}
