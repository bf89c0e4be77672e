package io.berth.agent.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The container's first process: {@code args} are the already resolved entrypoint + cmd, {@code env} is
 * {@code KEY=value} entries, {@code user} is Docker's spec ({@code uid}, {@code name}, {@code uid:gid},
 * {@code name:group}, empty for root) resolved against the root file system's {@code /etc/passwd} and
 * {@code /etc/group}.
 */
public record ProcessConfig(List<String> args, List<String> env, String workingDir, String user, boolean tty,
                            boolean openStdin) {
    public ProcessConfig {
        args = List.copyOf(Objects.requireNonNull(args, "args"));
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a container needs a command: args is empty (no entrypoint or cmd)");
        }
        env = env == null ? List.of() : List.copyOf(env);
        workingDir = workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
        if (!workingDir.startsWith("/")) {
            throw new IllegalArgumentException("working directory \"" + workingDir + "\" must be absolute");
        }
        user = user == null ? "" : user;
    }
}
