package io.berth.agent.runtime;

/** The outcome of a non-interactive exec: exit code and what the process wrote, each stream on its own. */
public record ExecResult(int exitCode, String stdout, String stderr) {
}
