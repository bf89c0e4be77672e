package io.berth.cli;

import picocli.CommandLine.Option;

/** The engine's global options, accepted before any command: {@code berth -H unix:///run/berth/berth.sock ps}. */
final class EngineOptions {
    @Option(names = {"-H", "--host"}, paramLabel = "HOST",
            description = "Daemon socket to connect to (default: $BERTH_HOST, else unix:///run/berth/berth.sock).")
    String host;

    /** The daemon address: {@code -H}, else {@code BERTH_HOST}, else the local socket. */
    String host(CliContext ctx) {
        if (host != null) {
            return host;
        }
        String env = ctx.environment().get("BERTH_HOST");
        return env == null || env.isEmpty() ? "unix:///run/berth/berth.sock" : env;
    }
}
