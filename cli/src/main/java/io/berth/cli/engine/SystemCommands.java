package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.Units;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** {@code info}, {@code login}, {@code logout}. */
final class SystemCommands extends EngineCommand {
    /** Which command this is. */
    enum Kind { INFO, LOGIN, LOGOUT }

    private final Kind kind;

    private SystemCommands(CliContext ctx, Kind kind) {
        super(ctx);
        this.kind = kind;
    }

    static CommandLine create(CliContext ctx, Kind kind) {
        SystemCommands c = new SystemCommands(ctx, kind);
        return switch (kind) {
            case INFO -> line(c, "Display system-wide information", "[OPTIONS]", s -> s.addOption(Specs.value(
                    "FORMAT", "Format output using a custom template: 'json' or a Go template", "-f", "--format")));
            case LOGIN -> line(c, "Log in to a registry", "[OPTIONS] [SERVER]", s -> {
                s.addOption(Specs.value("PASSWORD", "Password", "-p", "--password"));
                s.addOption(Specs.flag("Take the password from stdin", "--password-stdin"));
                s.addOption(Specs.value("USERNAME", "Username", "-u", "--username"));
                s.addPositional(Specs.positionals("SERVER", "The registry (default: Docker Hub)", 0));
            });
            case LOGOUT -> line(c, "Log out from a registry", "[SERVER]",
                    s -> s.addPositional(Specs.positionals("SERVER", "The registry (default: Docker Hub)", 0)));
        };
    }

    @Override
    protected int run() throws IOException {
        return switch (kind) {
            case INFO -> info();
            case LOGIN -> login();
            case LOGOUT -> logout();
        };
    }

    private int info() {
        Map<String, Object> info = Json.map(client().json(Request.get("/info")));
        String format = value("--format");
        if (format != null && !format.isEmpty()) {
            out().println(format.equals("json") ? Formatter.json(info) : Formatter.once(format, info));
            return 0;
        }
        PrintWriter o = out();
        o.println("Client:");
        o.println(" Version:    " + ctx.version());
        o.println(" Context:    default");
        o.println(" Debug Mode: " + ctx.debug());
        o.println();
        o.println("Server:");
        o.println(" Containers: " + n(info, "Containers"));
        o.println("  Running: " + n(info, "ContainersRunning"));
        o.println("  Paused: " + n(info, "ContainersPaused"));
        o.println("  Stopped: " + n(info, "ContainersStopped"));
        o.println(" Images: " + n(info, "Images"));
        o.println(" Server Version: " + s(info, "ServerVersion"));
        o.println(" Storage Driver: " + s(info, "Driver"));
        for (Object pair : Json.list(info.get("DriverStatus"))) {
            List<Object> kv = Json.list(pair);
            if (kv.size() == 2) {
                o.println("  " + Json.string(kv.get(0)) + ": " + Json.string(kv.get(1)));
            }
        }
        o.println(" Cgroup Driver: " + s(info, "CgroupDriver"));
        o.println(" Cgroup Version: " + s(info, "CgroupVersion"));
        o.println(" Runtimes: " + String.join(" ", Json.map(info.get("Runtimes")).keySet()));
        o.println(" Default Runtime: " + s(info, "DefaultRuntime"));
        o.println(" Kernel Version: " + s(info, "KernelVersion"));
        o.println(" Operating System: " + s(info, "OperatingSystem"));
        o.println(" OSType: " + s(info, "OSType"));
        o.println(" Architecture: " + s(info, "Architecture"));
        o.println(" CPUs: " + n(info, "NCPU"));
        o.println(" Total Memory: " + Units.bytesSize(Json.number(info.get("MemTotal"))));
        o.println(" Name: " + s(info, "Name"));
        o.println(" ID: " + s(info, "ID"));
        o.println(" Berth Root Dir: " + s(info, "DockerRootDir"));
        berth(o, Json.map(info.get("Berth")));
        return 0;
    }

    /** Berth's own lines: the runtime it chose and why, conmon, the state database, the cluster and this node. */
    private static void berth(PrintWriter o, Map<String, Object> b) {
        if (b.isEmpty()) {
            return;
        }
        o.println(" Berth:");
        line(o, "  Runtime Path: ", b.get("RuntimePath"));
        line(o, "  Runtime Version: ", b.get("RuntimeVersion"));
        line(o, "  Runtime Reason: ", b.get("RuntimeReason"));
        line(o, "  Conmon Version: ", b.get("ConmonVersion"));
        line(o, "  State DB: ", b.get("StateDb"));
        for (String section : List.of("Cluster", "Node")) {
            Map<String, Object> m = Json.map(b.get(section));
            if (!m.isEmpty()) {
                o.println("  " + section + ":");
                m.forEach((k, v) -> o.println("   " + k + ": " + (v instanceof Map || v instanceof List
                        ? Formatter.json(v) : Json.string(v))));
            }
        }
    }

    private static void line(PrintWriter o, String label, Object value) {
        if (value != null && !Json.string(value).isEmpty()) {
            o.println(label + Json.string(value));
        }
    }

    private static String s(Map<String, Object> m, String k) {
        return Json.string(m.get(k));
    }

    private static long n(Map<String, Object> m, String k) {
        return Json.number(m.get(k));
    }

    private int login() throws IOException {
        List<String> args = positionals();
        String server = args.isEmpty() ? ImageRefs.DOCKER_HUB : normalize(args.get(0));
        AuthStore store = AuthStore.of(ctx.environment());
        String user = value("--username");
        String password = value("--password");
        if (password != null) {
            err().println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        }
        if (flag("--password-stdin")) {
            if (password != null) {
                throw invalid("--password", "--password and --password-stdin are mutually exclusive");
            }
            if (user == null) {
                throw invalid("--username", "Must provide --username with --password-stdin");
            }
            password = readLine(false).replaceAll("[\r\n]+$", "");
        }
        if (user == null) {
            out().print("Username: ");
            out().flush();
            user = readLine(false).strip();
        }
        if (password == null) {
            out().print("Password: ");
            out().flush();
            password = readLine(true);
            out().println();
        }
        if (user.isEmpty()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "login", "Error: Non-null Username Required");
        }
        if (password.isEmpty()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "login", "Error: Password Required");
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("username", user);
        body.put("password", password);
        body.put("serveraddress", server);
        Map<String, Object> answer = Json.map(client().json(Request.post("/auth").json(body)));
        store.store(server, user, password);
        err().println("WARNING! Your password will be stored unencrypted in " + store.file() + ".");
        out().println(Json.string(answer.getOrDefault("Status", "Login Succeeded")));
        return 0;
    }

    private int logout() {
        List<String> args = positionals();
        String server = args.isEmpty() ? ImageRefs.DOCKER_HUB : normalize(args.get(0));
        if (AuthStore.of(ctx.environment()).remove(server)) {
            out().println("Removing login credentials for " + server);
        } else {
            out().println("Not logged in to " + server);
        }
        return 0;
    }

    /** docker.io and its aliases are stored under Docker Hub's key; other servers by host, without scheme. */
    static String normalize(String server) {
        String s = server.replaceFirst("^https?://", "");
        s = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        if (List.of("docker.io", "index.docker.io", "registry-1.docker.io", "index.docker.io/v1").contains(s)) {
            return ImageRefs.DOCKER_HUB;
        }
        return s;
    }

    private String readLine(boolean secret) throws IOException {
        Terminal raw = null;
        if (secret && ctx.console().inTerminal()) {
            raw = Terminal.noEcho();
        }
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = ctx.console().in().read()) >= 0 && c != '\n') {
                line.write(c);
            }
            return line.toString(StandardCharsets.UTF_8);
        } finally {
            if (raw != null) {
                raw.restore();
            }
        }
    }
}
