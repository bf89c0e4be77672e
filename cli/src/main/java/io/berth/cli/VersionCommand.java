package io.berth.cli;

import io.berth.cli.client.DaemonAddress;
import io.berth.cli.client.EngineClient;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.format.Formatter;
import io.berth.compose.BerthException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code berth version}: the client's facts, then the server's from {@code GET /version} — without starting a
 * daemon: when none answers, the client section is printed and then docker's "Cannot connect" line (exit 1).
 */
final class VersionCommand implements Callable<Integer> {
    private final CliContext ctx;
    private CommandSpec spec;

    private VersionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static CommandLine create(CliContext ctx) {
        VersionCommand command = new VersionCommand(ctx);
        command.spec = Specs.command(command, "Show the Berth version information");
        command.spec.addOption(Specs.value("FORMAT", "Format output using a custom template: 'json' or a Go template",
                "-f", "--format"));
        return new CommandLine(command.spec);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String format = spec.commandLine().getParseResult().matchedOptionValue("--format", null);
        Map<String, Object> client = client();
        Object server = null;
        BerthException failure = null;
        try {
            String host = spec.root().commandLine().getParseResult().matchedOptionValue("--host", null);
            server = new EngineClient(DaemonAddress.resolve(host, ctx.environment()), ctx.version())
                    .json(Request.get("/version"));
        } catch (BerthException e) {
            failure = e;
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("Client", client);
        all.put("Server", server);
        if (format != null && !format.isEmpty()) {
            out.println(format.equals("json") ? Formatter.json(all) : Formatter.once(format, all));
        } else {
            pretty(out, client, Json.map(server));
        }
        if (failure != null) {
            out.flush();
            spec.commandLine().getErr().println(ErrorReporter.describe(failure));
            return failure.category().exitCode();
        }
        return 0;
    }

    private Map<String, Object> client() {
        String[] platform = ctx.platform().split("/", 2);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Version", ctx.version());
        c.put("JavaVersion", ctx.runtime());
        c.put("Os", platform[0]);
        c.put("Arch", platform.length > 1 ? platform[1] : "");
        return c;
    }

    private static void pretty(PrintWriter out, Map<String, Object> client, Map<String, Object> server) {
        out.println("Client:");
        out.printf(" %-16s%s%n", "Version:", client.get("Version"));
        out.printf(" %-16s%s%n", "Java version:", client.get("JavaVersion"));
        out.printf(" %-16s%s%n", "OS/Arch:", client.get("Os") + "/" + client.get("Arch"));
        if (server.isEmpty()) {
            return;
        }
        out.println();
        out.println("Server: " + Json.string(server.getOrDefault("Platform", Map.of()) instanceof Map<?, ?> p
                && p.get("Name") != null ? p.get("Name") : "Berth Engine"));
        out.println(" Engine:");
        out.printf("  %-15s%s%n", "Version:", Json.string(server.get("Version")));
        String api = Json.string(server.get("ApiVersion"));
        if (!api.isEmpty()) {
            String min = Json.string(server.get("MinAPIVersion"));
            out.printf("  %-15s%s%n", "API version:", api + (min.isEmpty() ? "" : " (minimum version " + min + ")"));
        }
        for (String[] f : List.of(new String[] {"GoVersion", "Java version:"}, new String[] {"GitCommit", "Git commit:"},
                new String[] {"BuildTime", "Built:"})) {
            String v = Json.string(server.get(f[0]));
            if (!v.isEmpty()) {
                out.printf("  %-15s%s%n", f[1], v);
            }
        }
        out.printf("  %-15s%s%n", "OS/Arch:", Json.string(server.get("Os")) + "/" + Json.string(server.get("Arch")));
        for (Object o : Json.list(server.get("Components"))) {
            Map<String, Object> c = Json.map(o);
            String name = Json.string(c.get("Name"));
            if (name.equals("Engine")) {
                continue;
            }
            out.println(" " + name + ":");
            out.printf("  %-15s%s%n", "Version:", Json.string(c.get("Version")));
            Json.map(c.get("Details")).forEach((k, v) -> {
                if (!k.equals("ApiVersion") && !k.equals("MinAPIVersion")) {
                    out.printf("  %-15s%s%n", k + ":", Json.string(v));
                }
            });
        }
    }
}
