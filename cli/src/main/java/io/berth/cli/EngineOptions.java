package io.berth.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** The engine's global options, accepted before any command: {@code berth -H unix:///run/berth/berth.sock ps}. */
final class EngineOptions {
    static final String HOST = "--host";
    static final String DEFAULT_HOST = "unix:///run/berth/berth.sock";

    private EngineOptions() {
    }

    static void addTo(CommandSpec spec) {
        spec.addOption(Specs.value("HOST",
                "Daemon socket to connect to (default: $BERTH_HOST, else " + DEFAULT_HOST + ").", "-H", HOST));
    }

    /** The daemon address: {@code -H}, else {@code BERTH_HOST}, else the local socket. */
    static String host(ParseResult root, CliContext ctx) {
        String host = root == null ? null : root.matchedOptionValue(HOST, null);
        if (host != null) {
            return host;
        }
        String env = ctx.environment().get("BERTH_HOST");
        return env == null || env.isEmpty() ? DEFAULT_HOST : env;
    }
}
