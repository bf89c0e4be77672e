package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.DaemonError;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.client.Response;
import io.berth.cli.client.StreamDemux;
import io.berth.cli.format.TimeArgs;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The streaming container commands: {@code logs}, {@code attach} and {@code exec}. */
final class StreamCommands extends EngineCommand {
    /** Which command this is. */
    enum Kind { LOGS, ATTACH, EXEC }

    private final Kind kind;

    private StreamCommands(CliContext ctx, Kind kind) {
        super(ctx);
        this.kind = kind;
    }

    static CommandLine create(CliContext ctx, Kind kind) {
        StreamCommands c = new StreamCommands(ctx, kind);
        return switch (kind) {
            case LOGS -> line(c, "Fetch the logs of a container", "[OPTIONS] CONTAINER", s -> {
                s.addOption(Specs.flag("Show extra details provided to logs", "--details"));
                s.addOption(Specs.flag("Follow log output", "-f", "--follow"));
                s.addOption(Specs.value("STRING", "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or"
                        + " relative (e.g. \"42m\" for 42 minutes)", "--since"));
                s.addOption(Specs.value("STRING", "Number of lines to show from the end of the logs (default \"all\")",
                        "-n", "--tail"));
                s.addOption(Specs.flag("Show timestamps", "-t", "--timestamps"));
                s.addOption(Specs.value("STRING", "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or"
                        + " relative (e.g. \"42m\" for 42 minutes)", "--until"));
                s.addPositional(Specs.positionals("CONTAINER", "The container", 1));
            });
            case ATTACH -> line(c, "Attach local standard input, output, and error streams to a running container",
                    "[OPTIONS] CONTAINER", s -> {
                        s.addOption(Specs.value("KEYS", "Override the key sequence for detaching a container",
                                "--detach-keys"));
                        s.addOption(Specs.flag("Do not attach STDIN", "--no-stdin"));
                        s.addOption(Specs.bool(true, "Proxy all received signals to the process", "--sig-proxy"));
                        s.addPositional(Specs.positionals("CONTAINER", "The container", 1));
                    });
            case EXEC -> {
                CommandLine line = line(c, "Execute a command in a running container",
                        "[OPTIONS] CONTAINER COMMAND [ARG...]", s -> {
                            s.addOption(Specs.flag("Detached mode: run command in the background", "-d", "--detach"));
                            s.addOption(Specs.value("KEYS", "Override the key sequence for detaching a container",
                                    "--detach-keys"));
                            s.addOption(Specs.list("ENV", "Set environment variables", "-e", "--env"));
                            s.addOption(Specs.list("FILE", "Read in a file of environment variables", "--env-file"));
                            s.addOption(Specs.flag("Keep STDIN open even if not attached", "-i", "--interactive"));
                            s.addOption(Specs.flag("Give extended privileges to the command", "--privileged"));
                            s.addOption(Specs.flag("Allocate a pseudo-TTY", "-t", "--tty"));
                            s.addOption(Specs.value("USER", "Username or UID (format: \"<name|uid>[:<group|gid>]\")",
                                    "-u", "--user"));
                            s.addOption(Specs.value("DIR", "Working directory inside the container", "-w",
                                    "--workdir"));
                            s.addPositional(Specs.positionals("CONTAINER COMMAND", "The container, then the command",
                                    2));
                        });
                line.setStopAtPositional(true);
                yield line;
            }
        };
    }

    @Override
    protected int run() throws Exception {
        return switch (kind) {
            case LOGS -> logs(positionals().get(0));
            case ATTACH -> attach(positionals().get(0));
            case EXEC -> exec(positionals());
        };
    }

    private static String path(String container) {
        return "/containers/" + Request.segment(container);
    }

    private int logs(String name) throws IOException {
        Map<String, Object> inspect = Json.map(client().json(Request.get(path(name) + "/json")));
        boolean tty = Boolean.TRUE.equals(Json.path(inspect, "Config", "Tty"));
        Request req = Request.get(path(name) + "/logs").flag("stdout", true).flag("stderr", true)
                .query("since", time("--since")).query("until", time("--until"))
                .flag("timestamps", flag("--timestamps")).flag("follow", flag("--follow"))
                .query("tail", value("--tail", "all")).flag("details", flag("--details"));
        try (Response r = client().call(req)) {
            if (tty) {
                StreamDemux.copyRaw(r.body(), rawOut());
            } else {
                StreamDemux.copy(r.body(), rawOut(), rawErr());
            }
        }
        return 0;
    }

    private String time(String flag) {
        String v = value(flag);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return TimeArgs.timestamp(v, ctx.clock().instant(), ctx.clock().getZone());
        } catch (IllegalArgumentException e) {
            throw invalid(flag, "invalid value for \"" + flag + "\": " + e.getMessage());
        }
    }

    private int attach(String name) throws IOException {
        Map<String, Object> inspect = Json.map(client().json(Request.get(path(name) + "/json")));
        Map<String, Object> state = Json.map(inspect.get("State"));
        if (!Boolean.TRUE.equals(state.get("Running"))) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, name,
                    "You cannot attach to a stopped container, start it first");
        }
        if (Boolean.TRUE.equals(state.get("Paused"))) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, name,
                    "You cannot attach to a paused container, unpause it first");
        }
        Map<String, Object> config = Json.map(inspect.get("Config"));
        boolean tty = Boolean.TRUE.equals(config.get("Tty"));
        boolean stdin = !flag("--no-stdin") && Boolean.TRUE.equals(config.get("OpenStdin"));
        if (tty && stdin && !ctx.console().inTerminal()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "attach", "the input device is not a TTY");
        }
        boolean autoRemove = Boolean.TRUE.equals(Json.path(inspect, "HostConfig", "AutoRemove"));
        ContainerSession.Options o = new ContainerSession.Options(tty, stdin, true, true, value("--detach-keys"),
                flag("--sig-proxy") && !tty, autoRemove, false);
        out().flush();
        return new ContainerSession(ctx, client(), err()).run(Json.string(inspect.get("Id")), o, false);
    }

    private int exec(List<String> args) throws IOException {
        String container = args.get(0);
        boolean detach = flag("--detach");
        boolean tty = flag("--tty");
        boolean stdin = flag("--interactive");
        if (tty && stdin && !detach && !ctx.console().inTerminal()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "exec", "the input device is not a TTY");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("User", value("--user", ""));
        body.put("Privileged", flag("--privileged"));
        body.put("Tty", tty);
        body.put("AttachStdin", stdin && !detach);
        body.put("AttachStderr", !detach);
        body.put("AttachStdout", !detach);
        body.put("DetachKeys", value("--detach-keys", ""));
        List<String> env = new java.util.ArrayList<>();
        for (String f : values("--env-file")) {
            env.addAll(EnvFiles.read(ctx.workingDirectory().resolve(f), ctx.environment(), true));
        }
        for (String e : values("--env")) {
            env.addAll(EnvFiles.variable(e, ctx.environment()));
        }
        body.put("Env", env);
        body.put("WorkingDir", value("--workdir", ""));
        body.put("Cmd", List.copyOf(args.subList(1, args.size())));
        String id = Json.string(Json.map(client().json(Request.post(path(container) + "/exec").json(body)))
                .get("Id"));
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("Detach", detach);
        start.put("Tty", tty);
        String execPath = "/exec/" + id;
        if (detach) {
            client().exec(Request.post(execPath + "/start").json(start));
            return 0;
        }
        Terminal raw = null;
        DetachKeys keys = DetachKeys.parse(value("--detach-keys", DetachKeys.DEFAULT));
        try (AttachSession session = ContainerSession.wrap(() -> AttachSession.open(client(),
                Request.get(execPath + "/start").query("tty", tty ? "1" : "0"), ctx.console(), tty, keys), true)) {
            if (tty) {
                if (stdin && ctx.console().inTerminal()) {
                    raw = Terminal.raw();
                }
                resize(execPath);
                Terminal.onResize(() -> resize(execPath));
            }
            if (stdin) {
                session.startInput();
            }
            session.pumpOutput();
            if (session.detached()) {
                return 0;
            }
        } finally {
            if (raw != null) {
                raw.restore();
            }
        }
        return (int) Json.number(Json.map(client().json(Request.get(execPath + "/json"))).get("ExitCode"));
    }

    private void resize(String path) {
        int[] size = Terminal.size();
        if (size != null) {
            try {
                client().exec(Request.post(path + "/resize").query("h", size[0]).query("w", size[1]));
            } catch (DaemonError e) {
                // the process may have ended already
            }
        }
    }
}
