package io.berth.agent.engine.internal;

import io.berth.agent.engine.ContainerIo;
import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerStatus;
import io.berth.agent.runtime.AttachSession;
import io.berth.agent.runtime.ContainerRuntime;
import io.berth.agent.runtime.ContainerStats;
import io.berth.agent.runtime.ExecSession;
import io.berth.agent.runtime.LogQuery;
import io.berth.agent.runtime.LogStream;
import io.berth.agent.runtime.OutputHandler;
import io.berth.agent.runtime.ProcessConfig;
import io.berth.agent.runtime.TopResult;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@link ContainerIo} over the runtime: logs from conmon's log file, attach and exec through conmon. */
public final class LocalContainerIo implements ContainerIo {
    private static final Logger LOG = Logger.getLogger(LocalContainerIo.class.getName());
    private static final Duration DETACHED_EXEC_LIMIT = Duration.ofDays(3650);

    private final ContainerRuntime runtime;
    private final Records records;
    private final Supplier<String> ids;
    private final java.util.concurrent.Executor workers;
    private final Map<String, Exec> execs = new ConcurrentHashMap<>();

    public LocalContainerIo(LocalContainers containers, ContainerRuntime runtime, Supplier<String> ids,
                            java.util.concurrent.Executor workers) {
        this.runtime = runtime;
        this.records = containers.records();
        this.ids = ids;
        this.workers = workers;
    }

    private static final class Exec {
        final String id;
        final String containerId;
        final ExecSpec spec;
        volatile boolean started;
        volatile boolean running;
        volatile Integer exitCode;

        Exec(String id, String containerId, ExecSpec spec) {
            this.id = id;
            this.containerId = containerId;
            this.spec = spec;
        }
    }

    @Override
    public LogStream logs(String ref, LogQuery query) {
        return runtime.logs(records.resolve(ref).id(), query);
    }

    @Override
    public boolean tty(String ref) {
        return records.resolve(ref).config().isTty();
    }

    @Override
    public AttachSession attach(String ref, OutputHandler output) {
        ContainerRecord record = records.resolve(ref);
        if (record.state().status() != ContainerStatus.CREATED) {
            record = running(ref, "attach to");
        }
        return runtime.attach(record.id(), output);
    }

    @Override
    public void resize(String ref, int rows, int columns) {
        runtime.resize(running(ref, "resize").id(), rows, columns);
    }

    @Override
    public String createExec(String ref, ExecSpec spec) {
        ContainerRecord record = running(ref, "exec in");
        String id = ids.get();
        execs.put(id, new Exec(id, record.id(), spec));
        return id;
    }

    @Override
    public ExecSession startExec(String execId, OutputHandler output) {
        Exec exec = claim(execId);
        ExecSession session = runtime.execAttached(exec.containerId, process(exec), new OutputHandler() {
            @Override
            public void onOutput(io.berth.agent.runtime.StdStream stream, byte[] data, int offset, int length) {
                output.onOutput(stream, data, offset, length);
            }

            @Override
            public void onEnd() {
                output.onEnd();
            }
        });
        workers.execute(() -> {
            try {
                exec.exitCode = session.awaitExit(DETACHED_EXEC_LIMIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "exec " + execId + " ended without an exit code", e);
            } finally {
                exec.running = false;
            }
        });
        return session;
    }

    @Override
    public void startExecDetached(String execId) {
        Exec exec = claim(execId);
        workers.execute(() -> {
            try {
                exec.exitCode = runtime.exec(exec.containerId, process(exec), DETACHED_EXEC_LIMIT).exitCode();
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "detached exec " + execId + " failed: " + e.getMessage());
                exec.exitCode = 126;
            } finally {
                exec.running = false;
            }
        });
    }

    @Override
    public ExecInfo inspectExec(String execId) {
        Exec exec = find(execId);
        return new ExecInfo(exec.id, exec.containerId, exec.running, exec.exitCode, 0, exec.spec);
    }

    @Override
    public void resizeExec(String execId, int rows, int columns) {
        find(execId);
    }

    @Override
    public TopResult top(String ref, List<String> psArgs) {
        return runtime.top(running(ref, "top").id(), psArgs);
    }

    @Override
    public ContainerStats stats(String ref) {
        return runtime.stats(records.resolve(ref).id());
    }

    private Exec claim(String execId) {
        Exec exec = find(execId);
        synchronized (exec) {
            if (exec.started) {
                throw new BerthException(ErrorCategory.CONFLICT, execId, "Error: Exec command " + execId
                        + " has already run");
            }
            exec.started = true;
            exec.running = true;
        }
        running(exec.containerId, "exec in");
        return exec;
    }

    private Exec find(String execId) {
        Exec exec = execs.get(execId);
        if (exec == null) {
            throw new BerthException(ErrorCategory.NOT_FOUND, execId, "No such exec instance: " + execId);
        }
        return exec;
    }

    /** Docker's exec: the container's env, working dir and user unless the exec sets its own. */
    private ProcessConfig process(Exec exec) {
        ContainerRecord record = records.resolve(exec.containerId);
        List<String> env = ContainerSpecs.mergeEnv(record.config().env(), new ArrayList<>(exec.spec.env()));
        String dir = empty(exec.spec.workingDir()) ? record.config().workingDir() : exec.spec.workingDir();
        String user = empty(exec.spec.user()) ? record.config().user() : exec.spec.user();
        return new ProcessConfig(exec.spec.cmd(), env, dir, user, exec.spec.tty(), exec.spec.attachStdin());
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }

    private ContainerRecord running(String ref, String what) {
        ContainerRecord record = records.resolve(ref);
        if (record.state().status() == ContainerStatus.PAUSED) {
            throw new BerthException(ErrorCategory.CONFLICT, record.name(), "cannot " + what + " container "
                    + record.id() + ": container is paused, unpause the container before " + what.split(" ")[0]);
        }
        if (record.state().status() != ContainerStatus.RUNNING) {
            throw new BerthException(ErrorCategory.CONFLICT, record.name(), "cannot " + what + " a stopped container: "
                    + "container " + record.id() + " is not running");
        }
        return record;
    }
}
