package io.berth.agent.runtime.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.runtime.AttachSession;
import io.berth.agent.runtime.ContainerConfig;
import io.berth.agent.runtime.ContainerRuntime;
import io.berth.agent.runtime.ContainerFiles;
import io.berth.agent.runtime.ContainerState;
import io.berth.agent.runtime.ContainerStats;
import io.berth.agent.runtime.ContainerStatus;
import io.berth.agent.runtime.CreatedContainer;
import io.berth.agent.runtime.ExecResult;
import io.berth.agent.runtime.ExecSession;
import io.berth.agent.runtime.ExitListener;
import io.berth.agent.runtime.LogQuery;
import io.berth.agent.runtime.LogStream;
import io.berth.agent.runtime.OutputHandler;
import io.berth.agent.runtime.ProcessConfig;
import io.berth.agent.runtime.RecoveryReport;
import io.berth.agent.runtime.RuntimeInfo;
import io.berth.agent.runtime.RuntimeSettings;
import io.berth.agent.runtime.TopResult;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** {@link ContainerRuntime} over runc/crun and conmon; the parts live in this package, this class wires them. */
public final class ConmonRuntime implements ContainerRuntime {
    private final RuntimeContext ctx;
    private final ContainerCreator creator;
    private final Cleaner cleaner;
    private final StateReader states;
    private final ExecRunner execs;
    private final Recovery recovery;
    private final Lifecycle lifecycle;
    private final LogRotator rotator;
    private final List<ExitListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Object> exitMonitors = new ConcurrentHashMap<>();
    private final ExitWatcher watcher;

    ConmonRuntime(RuntimeContext ctx) throws IOException {
        this.ctx = ctx;
        this.cleaner = new Cleaner(ctx);
        this.creator = new ContainerCreator(ctx, new OciSpecWriter(SeccompProfiles.load()), cleaner);
        this.states = new StateReader(ctx);
        this.execs = new ExecRunner(ctx);
        this.recovery = new Recovery(ctx, states, cleaner);
        this.lifecycle = new Lifecycle(ctx, states, this::awaitExit);
        this.rotator = new LogRotator(ctx.calls());
        this.watcher = new ExitWatcher(ctx.paths().exitsDir(), this::onExitFile);
    }

    /** Opens the runtime: probes the host, chooses the OCI runtime, makes the directories, starts the watcher. */
    public static ConmonRuntime open(RuntimeSettings settings, Clock clock) {
        SecureRandom random = new SecureRandom();
        return open(settings, clock, () -> {
            byte[] b = new byte[16];
            random.nextBytes(b);
            return HexFormat.of().formatHex(b);
        });
    }

    static ConmonRuntime open(RuntimeSettings settings, Clock clock, Supplier<String> ids) {
        CgroupMounts cgroups = HostProbe.cgroups();
        RuntimeChoice choice;
        try {
            choice = RuntimeChoice.choose(settings.runtime(), HostProbe.which("runc"), HostProbe.which("crun"),
                    HostProbe.hybridV2Controllers(cgroups));
        } catch (IllegalStateException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "runtime", e.getMessage()
                    + ": install runc (or crun on a host without hybrid cgroups)", e);
        }
        ContainerPaths paths = new ContainerPaths(settings.dataRoot(), settings.runRoot(), choice.name());
        try {
            for (var d : List.of(paths.containersDir(), paths.runtimeRoot(), paths.exitsDir(), paths.socketDir())) {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, settings.dataRoot().toString(),
                    "cannot create the runtime's directories: " + e.getMessage() + " (berthd must run as root)", e);
        }
        RuntimeInfo info = new RuntimeInfo(choice.name(), choice.path(), HostProbe.version(choice.path()),
                cgroups.layout(), HostProbe.version(settings.conmon()), choice.reason());
        ObjectMapper json = new ObjectMapper();
        json.configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        NativeCalls calls = new NativeCalls();
        var ctx = new RuntimeContext(settings, paths, new OciCli(choice.path(), paths.runtimeRoot()),
                new Conmon(settings.conmon(), json, calls), json, calls, cgroups, HostProbe.facts(cgroups), info,
                clock, ids);
        try {
            return new ConmonRuntime(ctx);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, paths.exitsDir().toString(),
                    "cannot watch " + paths.exitsDir() + ": " + e.getMessage(), e);
        }
    }

    private void onExitFile(String id) {
        if (!Files.exists(ctx.paths().exitFile(id)) || !Files.isDirectory(ctx.paths().dir(id))) {
            return;
        }
        Object monitor = exitMonitors.get(id);
        if (monitor != null) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
        ContainerState s = states.state(id);
        if (s.status() == ContainerStatus.EXITED) {
            listeners.forEach(l -> l.exited(s));
        }
    }

    /** Waits for the exit file of {@code id}, woken by the watcher; re-checks the files so no exit is missed. */
    ContainerState awaitExit(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object monitor = exitMonitors.computeIfAbsent(id, k -> new Object());
        try {
            synchronized (monitor) {
                while (true) {
                    ContainerState s = states.state(id);
                    long left = deadline - System.nanoTime();
                    if (!s.isRunning() && s.status() != ContainerStatus.CREATED || left <= 0) {
                        return s;
                    }
                    monitor.wait(Math.max(1, Math.min(left / 1_000_000, 1000)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return states.state(id);
        }
    }

    @Override
    public RuntimeInfo info() {
        return ctx.info();
    }

    @Override
    public CreatedContainer create(ContainerConfig config) {
        return creator.create(config);
    }

    @Override
    public void start(String id) {
        lifecycle.start(id);
    }

    @Override
    public void kill(String id, String signal) {
        lifecycle.kill(id, signal);
    }

    @Override
    public ContainerState stop(String id, Duration timeout) {
        return lifecycle.stop(id, timeout);
    }

    @Override
    public void pause(String id) {
        lifecycle.pause(id);
    }

    @Override
    public void unpause(String id) {
        lifecycle.unpause(id);
    }

    @Override
    public void delete(String id, boolean force) {
        ContainerState s = states.state(id);
        if (s.isRunning() || s.status() == ContainerStatus.CREATED) {
            if (!force) {
                throw new BerthException(ErrorCategory.CONFLICT, "container " + id, "container " + id + " is "
                        + s.status().name().toLowerCase() + ": stop it first, or remove it with force");
            }
            if (s.status() == ContainerStatus.PAUSED) {
                ctx.cli().run("resume", id);
            }
            ctx.cli().run("kill", id, "KILL");
            awaitExit(id, Duration.ofSeconds(30));
        }
        String cgroupsPath = ctx.cgroupsPath(id);
        cleaner.removeAll(id, cgroupsPath);
        exitMonitors.remove(id);
    }

    @Override
    public void reset(String id) {
        ContainerState s = states.state(id);
        if (s.isRunning() || s.status() == ContainerStatus.CREATED) {
            delete(id, true);
            return;
        }
        cleaner.removeAllButLogs(id, ctx.cgroupsPath(id));
        exitMonitors.remove(id);
    }

    @Override
    public ContainerFiles files(String id) {
        ContainerPaths paths = ctx.paths();
        Path dir = paths.dir(id);
        return new ContainerFiles(paths.log(id), dir.resolve("hosts"), dir.resolve("hostname"),
                dir.resolve("resolv.conf"));
    }

    @Override
    public ContainerState state(String id) {
        return states.state(id);
    }

    @Override
    public List<ContainerState> list() {
        return recovery.knownIds().stream().sorted().map(states::state).toList();
    }

    @Override
    public RecoveryReport recover() {
        return recovery.recover();
    }

    @Override
    public ContainerState waitForExit(String id, Duration timeout) {
        return awaitExit(id, timeout);
    }

    @Override
    public ExecResult exec(String id, ProcessConfig process, Duration timeout) {
        requireRunning(id);
        return execs.exec(id, process, timeout);
    }

    @Override
    public ExecSession execAttached(String id, ProcessConfig process, OutputHandler output) {
        requireRunning(id);
        return execs.execAttached(id, process, output);
    }

    private void requireRunning(String id) {
        ContainerState s = states.state(id);
        if (s.status() != ContainerStatus.RUNNING) {
            throw new BerthException(ErrorCategory.CONFLICT, "container " + id,
                    "container " + id + " is " + s.status().name().toLowerCase() + ", not running: start it first");
        }
    }

    @Override
    public AttachSession attach(String id, OutputHandler output) {
        states.state(id);
        try {
            int fd = ctx.calls().connectSeqpacket(ctx.paths().socketDir().resolve(id).toString(), "attach");
            return new AttachClient(ctx.calls(), fd, ctx.paths().ctlFifo(id).toString(), output,
                    "berth-attach-" + id.substring(0, Math.min(12, id.length())));
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.CONFLICT, "container " + id, "cannot attach to container " + id
                    + ": " + e.getMessage() + " (its conmon is gone: is the container running?)", e);
        }
    }

    @Override
    public void resize(String id, int rows, int columns) {
        lifecycle.resize(id, rows, columns);
    }

    @Override
    public LogStream logs(String id, LogQuery query) {
        states.state(id);
        return new K8sLogStream(ctx.paths().log(id), query, () -> Files.exists(ctx.paths().persistedExit(id))
                || !Files.isDirectory(ctx.paths().dir(id)));
    }

    @Override
    public void rotateLogs(String id) {
        ContainerRecord r = lifecycle.record(id);
        try {
            rotator.rotateIfDue(ctx.paths().log(id), ctx.paths().ctlFifo(id), r.logMaxSize(), r.logMaxFile());
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, "container " + id,
                    "cannot rotate the log of container " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TopResult top(String id, List<String> psArgs) {
        requireRunning(id);
        return lifecycle.top(id, psArgs);
    }

    @Override
    public ContainerStats stats(String id) {
        states.state(id);
        return new CgroupReader(ctx.cgroups()).stats(id, ctx.cgroupsPath(id), ctx.clock().instant());
    }

    @Override
    public void addExitListener(ExitListener listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        watcher.close();
    }
}
