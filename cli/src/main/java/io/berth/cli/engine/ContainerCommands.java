package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.format.TabWriter;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;

/**
 * The small container commands, one API call per container: {@code start stop kill restart pause unpause rm wait
 * rename top diff port}. Each prints what docker prints (the name as typed for the lifecycle verbs, the exit
 * code for wait) and reports a failure per container without stopping at the first.
 */
final class ContainerCommands extends EngineCommand {
    /** Which command this is. */
    enum Verb { START, STOP, KILL, RESTART, PAUSE, UNPAUSE, RM, WAIT, RENAME, TOP, DIFF, PORT }

    private final Verb verb;

    private ContainerCommands(CliContext ctx, Verb verb) {
        super(ctx);
        this.verb = verb;
    }

    static CommandLine create(CliContext ctx, Verb verb) {
        ContainerCommands c = new ContainerCommands(ctx, verb);
        return switch (verb) {
            case START -> line(c, "Start one or more stopped containers", "[OPTIONS] CONTAINER [CONTAINER...]", s -> {
                s.addOption(Specs.flag("Attach STDOUT/STDERR and forward signals", "-a", "--attach"));
                s.addOption(Specs.flag("Attach container's STDIN", "-i", "--interactive"));
                s.addOption(Specs.value("KEYS", "Override the key sequence for detaching a container",
                        "--detach-keys"));
                s.addPositional(Specs.positionals("CONTAINER", "Containers to start", 1));
            });
            case STOP, RESTART -> line(c, verb == Verb.STOP ? "Stop one or more running containers"
                    : "Restart one or more containers", "[OPTIONS] CONTAINER [CONTAINER...]", s -> {
                        s.addOption(Specs.value("SIGNAL", "Signal to send to the container", "-s", "--signal"));
                        s.addOption(Specs.integer("SECONDS", "Seconds to wait before killing the container",
                                "-t", "--time", "--timeout"));
                        s.addPositional(Specs.positionals("CONTAINER", "Containers", 1));
                    });
            case KILL -> line(c, "Kill one or more running containers", "[OPTIONS] CONTAINER [CONTAINER...]", s -> {
                s.addOption(Specs.value("SIGNAL", "Signal to send to the container", "-s", "--signal"));
                s.addPositional(Specs.positionals("CONTAINER", "Containers", 1));
            });
            case PAUSE, UNPAUSE -> line(c, verb == Verb.PAUSE ? "Pause all processes within one or more containers"
                    : "Unpause all processes within one or more containers", "CONTAINER [CONTAINER...]",
                    s -> s.addPositional(Specs.positionals("CONTAINER", "Containers", 1)));
            case RM -> line(c, "Remove one or more containers", "[OPTIONS] CONTAINER [CONTAINER...]", s -> {
                s.addOption(Specs.flag("Force the removal of a running container (uses SIGKILL)", "-f", "--force"));
                s.addOption(Specs.flag("Remove anonymous volumes associated with the container", "-v", "--volumes"));
                s.addOption(Specs.flag("Remove the specified link", "-l", "--link"));
                s.addPositional(Specs.positionals("CONTAINER", "Containers", 1));
            });
            case WAIT -> line(c, "Block until one or more containers stop, then print their exit codes",
                    "CONTAINER [CONTAINER...]", s -> s.addPositional(Specs.positionals("CONTAINER", "Containers", 1)));
            case RENAME -> line(c, "Rename a container", "CONTAINER NEW_NAME",
                    s -> s.addPositional(Specs.positionals("CONTAINER NEW_NAME", "The container and its new name", 2)));
            case TOP -> stopAtPositional(line(c, "Display the running processes of a container",
                    "CONTAINER [ps OPTIONS]",
                    s -> s.addPositional(Specs.positionals("CONTAINER", "The container, then ps options", 1))));
            case DIFF -> line(c, "Inspect changes to files or directories on a container's filesystem", "CONTAINER",
                    s -> s.addPositional(Specs.positionals("CONTAINER", "The container", 1)));
            case PORT -> line(c, "List port mappings or a specific mapping for the container",
                    "CONTAINER [PRIVATE_PORT[/PROTO]]",
                    s -> s.addPositional(Specs.positionals("CONTAINER", "The container, and a port", 1)));
        };
    }

    private static CommandLine stopAtPositional(CommandLine line) {
        line.setStopAtPositional(true);
        return line;
    }

    @Override
    protected int run() throws Exception {
        List<String> names = positionals();
        return switch (verb) {
            case START -> start(names);
            case STOP, RESTART -> forEach(names, n -> post(n, "/" + verb.name().toLowerCase(java.util.Locale.ROOT),
                    "t", integer("--time"), "signal", value("--signal")));
            case KILL -> forEach(names, n -> post(n, "/kill", "signal", value("--signal")));
            case PAUSE -> forEach(names, n -> post(n, "/pause"));
            case UNPAUSE -> forEach(names, n -> post(n, "/unpause"));
            case RM -> forEach(names, this::remove);
            case WAIT -> forEach(names, n -> Long.toString(Json.number(Json.map(client().json(
                    Request.post(path(n) + "/wait"))).get("StatusCode"))));
            case RENAME -> rename(names);
            case TOP -> top(names);
            case DIFF -> diff(names.get(0));
            case PORT -> port(names);
        };
    }

    private static String path(String container) {
        return "/containers/" + Request.segment(container);
    }

    /** {@code POST /containers/{n}{suffix}?k=v...} (null values left out); returns the name as typed. */
    private String post(String name, String suffix, Object... query) {
        Request r = Request.post(path(name) + suffix);
        for (int i = 0; i < query.length; i += 2) {
            r.query((String) query[i], query[i + 1]);
        }
        client().exec(r);
        return name;
    }

    private String remove(String name) {
        if (flag("--link")) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, name, "links are not supported by Berth;"
                    + " remove --link");
        }
        client().exec(Request.delete(path(name)).flag("force", flag("--force")).flag("v", flag("--volumes")));
        return name;
    }

    private int start(List<String> names) throws Exception {
        boolean attach = flag("--attach");
        boolean stdin = flag("--interactive");
        if (!attach && !stdin) {
            return forEach(names, n -> post(n, "/start"));
        }
        if (names.size() > 1) {
            throw invalid("start", "you cannot start and attach multiple containers at once");
        }
        String name = names.get(0);
        Map<String, Object> inspect = Json.map(client().json(Request.get(path(name) + "/json")));
        Map<String, Object> config = Json.map(inspect.get("Config"));
        boolean tty = Boolean.TRUE.equals(config.get("Tty"));
        boolean openStdin = stdin && Boolean.TRUE.equals(config.get("OpenStdin"));
        boolean autoRemove = Boolean.TRUE.equals(Json.path(inspect, "HostConfig", "AutoRemove"));
        String id = Json.string(inspect.get("Id"));
        ContainerSession.Options o = new ContainerSession.Options(tty, openStdin, true, true, value("--detach-keys"),
                !tty, autoRemove, true);
        out().flush();
        return new ContainerSession(ctx, client(), err()).run(id, o, false);
    }

    private int rename(List<String> names) {
        if (names.size() != 2) {
            throw invalid("rename", "\"berth rename\" requires exactly 2 arguments: CONTAINER NEW_NAME");
        }
        String newName = names.get(1).strip();
        if (newName.isEmpty()) {
            throw invalid("rename", "Error: Neither old nor new names may be empty");
        }
        client().exec(Request.post(path(names.get(0)) + "/rename").query("name", newName));
        return 0;
    }

    private int top(List<String> args) {
        String psArgs = args.size() > 1 ? String.join(" ", args.subList(1, args.size())) : null;
        Map<String, Object> top = Json.map(client().json(Request.get(path(args.get(0)) + "/top")
                .query("ps_args", psArgs)));
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\t", strings(top.get("Titles")))).append('\n');
        for (Object p : Json.list(top.get("Processes"))) {
            sb.append(String.join("\t", strings(p))).append('\n');
        }
        out().print(new TabWriter(20, 3).align(sb.toString()));
        return 0;
    }

    private int diff(String name) {
        for (Object o : Json.list(client().json(Request.get(path(name) + "/changes")))) {
            Map<String, Object> change = Json.map(o);
            String kind = switch ((int) Json.number(change.get("Kind"))) {
                case 1 -> "A";
                case 2 -> "D";
                default -> "C";
            };
            out().println(kind + " " + Json.string(change.get("Path")));
        }
        return 0;
    }

    private int port(List<String> args) {
        String name = args.get(0);
        Map<String, Object> ports = Json.map(Json.path(client().json(Request.get(path(name) + "/json")),
                "NetworkSettings", "Ports"));
        if (args.size() > 1) {
            String want = args.get(1).contains("/") ? args.get(1) : args.get(1) + "/tcp";
            List<Object> bindings = Json.list(ports.get(want));
            if (bindings.isEmpty()) {
                throw new BerthException(ErrorCategory.NOT_FOUND, name, "No public port '" + want
                        + "' published for " + name);
            }
            for (Object b : bindings) {
                out().println(hostPort(Json.map(b)));
            }
            return 0;
        }
        Map<String, Object> sorted = new TreeMap<>((a, b) -> {
            int pa = Integer.parseInt(a.split("/")[0]);
            int pb = Integer.parseInt(b.split("/")[0]);
            return pa != pb ? Integer.compare(pa, pb) : a.compareTo(b);
        });
        sorted.putAll(ports);
        sorted.forEach((key, bindings) -> {
            for (Object b : Json.list(bindings)) {
                out().println(key + " -> " + hostPort(Json.map(b)));
            }
        });
        return 0;
    }

    private static String hostPort(Map<String, Object> b) {
        String ip = Json.string(b.get("HostIp"));
        String port = Json.string(b.get("HostPort"));
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        Json.list(list).forEach(x -> out.add(Json.string(x)));
        return out;
    }
}
