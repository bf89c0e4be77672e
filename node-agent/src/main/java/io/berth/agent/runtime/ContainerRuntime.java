package io.berth.agent.runtime;

import io.berth.agent.runtime.internal.ConmonRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The container runtime of one node: OCI bundles run by {@code runc} or {@code crun}, each container under its
 * own {@code conmon}, which keeps stdio, the log, the exit code and the attach socket, and outlives berthd.
 * Every method blocks (it forks the runtime or reads the kernel's files): call it on a worker thread. Errors are
 * {@link io.berth.compose.BerthException}s naming the container and what to do.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** Opens the runtime on these roots: detects cgroups, chooses runc or crun, starts the exit watcher. */
    static ContainerRuntime open(RuntimeSettings settings, Clock clock) {
        return ConmonRuntime.open(settings, clock);
    }

    RuntimeInfo info();

    /** Writes the bundle and starts conmon, which runs {@code runtime create}; the process waits for start. */
    CreatedContainer create(ContainerConfig config);

    void start(String id);

    /** Sends a signal (name like {@code SIGHUP}/{@code HUP} or number) to the container's first process. */
    void kill(String id, String signal);

    /** The stop signal, then SIGKILL after {@code timeout}; waits for the exit and returns the final state. */
    ContainerState stop(String id, Duration timeout);

    void pause(String id);

    void unpause(String id);

    /** Removes runtime state, cgroups and the container directory; {@code force} kills a running container first. */
    void delete(String id, boolean force);

    ContainerState state(String id);

    /**
     * Makes an exited container creatable again (a restart): removes its runtime state, bundle, cgroups and exit
     * file, keeps its log. A running container is deleted with force instead.
     */
    void reset(String id);

    /** The files Docker's inspect names: the log, and the hosts, hostname and resolv.conf given to the container. */
    ContainerFiles files(String id);

    /** Every container this runtime knows (has a directory for). */
    List<ContainerState> list();

    /** Re-adopts containers after a restart of berthd and removes orphans of ours; see {@link RecoveryReport}. */
    RecoveryReport recover();

    /** Waits until the container exits or the timeout passes; returns the state then. */
    ContainerState waitForExit(String id, Duration timeout);

    /** Runs a process in the container and waits for it (at most {@code timeout}); output is captured. */
    ExecResult exec(String id, ProcessConfig process, Duration timeout);

    /** Runs a process in the container with its stdio connected to the returned session. */
    ExecSession execAttached(String id, ProcessConfig process, OutputHandler output);

    /** Connects to the container's stdio; output from now on goes to {@code output}. */
    AttachSession attach(String id, OutputHandler output);

    /** Sets the terminal size of a tty container. */
    void resize(String id, int rows, int columns);

    LogStream logs(String id, LogQuery query);

    /**
     * Applies {@code max-size}/{@code max-file} when {@code max-file > 1}: when the log reached max-size, renames
     * it to {@code .1} (older ones shift, the oldest goes) and tells conmon to reopen. Cheap (one stat) when nothing
     * is due; the daemon calls it periodically for running containers.
     */
    void rotateLogs(String id);

    /** {@code ps} over the container's processes; {@code psArgs} empty means {@code -ef}. */
    TopResult top(String id, List<String> psArgs);

    ContainerStats stats(String id);

    void addExitListener(ExitListener listener);

    /** Stops the exit watcher. Containers and their conmons go on running. */
    @Override
    void close();
}
