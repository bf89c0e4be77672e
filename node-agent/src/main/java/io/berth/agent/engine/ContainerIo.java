package io.berth.agent.engine;

import io.berth.agent.runtime.AttachSession;
import io.berth.agent.runtime.ContainerStats;
import io.berth.agent.runtime.ExecSession;
import io.berth.agent.runtime.LogQuery;
import io.berth.agent.runtime.LogStream;
import io.berth.agent.runtime.OutputHandler;
import io.berth.agent.runtime.TopResult;
import java.util.List;

/**
 * A container's input and output: logs, attach, exec, top and stats. Blocking, like {@link ContainerService};
 * streams are read on the caller's worker thread. Exec instances live in memory, as Docker's do.
 */
public interface ContainerIo {
    LogStream logs(String ref, LogQuery query);

    /** Whether the container has a terminal (its log and attach output is then raw, not multiplexed). */
    boolean tty(String ref);

    AttachSession attach(String ref, OutputHandler output);

    void resize(String ref, int rows, int columns);

    /** Registers an exec; its process starts with {@link #startExec} or {@link #startExecDetached}. */
    String createExec(String ref, ExecSpec spec);

    ExecSession startExec(String execId, OutputHandler output);

    void startExecDetached(String execId);

    ExecInfo inspectExec(String execId);

    void resizeExec(String execId, int rows, int columns);

    TopResult top(String ref, List<String> psArgs);

    ContainerStats stats(String ref);

    /** What {@code exec} runs: Docker's ExecConfig fields. */
    record ExecSpec(List<String> cmd, List<String> env, String workingDir, String user, boolean tty,
                    boolean attachStdin, boolean privileged) {
        public ExecSpec {
            if (cmd == null || cmd.isEmpty()) {
                throw new IllegalArgumentException("No exec command specified");
            }
            cmd = List.copyOf(cmd);
            env = env == null ? List.of() : List.copyOf(env);
        }
    }

    /** Docker's exec inspect: running, exit code (null while unknown), pid, the container and the command. */
    record ExecInfo(String id, String containerId, boolean running, Integer exitCode, int pid, ExecSpec spec) {
    }
}
