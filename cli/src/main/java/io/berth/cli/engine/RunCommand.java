package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.CommandFailure;
import io.berth.cli.client.DaemonError;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code berth run} and {@code berth create}: docker's flags to a create body (pulling the image when it is missing,
 * as docker does), then for run: start, attach unless {@code -d}, wait, and exit with the container's code.
 * Daemon errors before the container runs exit 125 (126/127 when its command cannot be run or found).
 */
final class RunCommand extends EngineCommand {
    private final boolean run;

    private RunCommand(CliContext ctx, boolean run) {
        super(ctx);
        this.run = run;
    }

    static CommandLine create(CliContext ctx, boolean run) {
        RunCommand c = new RunCommand(ctx, run);
        CommandLine line = line(c, run ? "Create and run a new container from an image" : "Create a new container",
                "[OPTIONS] IMAGE [COMMAND] [ARG...]", spec -> {
                    dashHIsNotHelp(spec);
                    CreateOptions.addTo(spec, run);
                });
        line.setStopAtPositional(true);
        return line;
    }

    @Override
    protected int run() throws Exception {
        CreateRequest req = CreateRequest.of(args(), ctx.environment(), ctx.workingDirectory());
        if (run && req.tty() && req.attachStdin() && !ctx.console().inTerminal()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "-t", "the input device is not a TTY");
        }
        String id = createContainer(req);
        if (!run) {
            out().println(id);
            return 0;
        }
        boolean detach = flag("--detach");
        if (detach) {
            ContainerSession.wrap(() -> {
                client().exec(Request.post("/containers/" + id + "/start"));
                return null;
            }, true);
            out().println(id);
            return 0;
        }
        Map<String, Object> body = req.body();
        ContainerSession.Options o = new ContainerSession.Options(req.tty(), req.attachStdin(),
                Boolean.TRUE.equals(body.get("AttachStdout")), Boolean.TRUE.equals(body.get("AttachStderr")),
                value("--detach-keys"), flag("--sig-proxy"), req.autoRemove(), true);
        out().flush();
        return new ContainerSession(ctx, client(), err()).run(id, o, true);
    }

    /** Creates the container; pulls its image first when missing (or with --pull always). Returns its ID. */
    private String createContainer(CreateRequest req) throws Exception {
        boolean quiet = flag("--quiet");
        if (req.pull().equals("always")) {
            pull(req.image(), quiet);
        }
        Request create = Request.post("/containers/create").query("name", req.name()).json(req.body());
        try {
            return created(client().json(create));
        } catch (DaemonError e) {
            if (!e.notFound() || !e.getMessage().startsWith("No such image") || req.pull().equals("never")) {
                throw new CommandFailure(125, e);
            }
        }
        err().println("Unable to find image '" + ImageRefs.withTag(req.image()) + "' locally");
        pull(req.image(), quiet);
        Request again = Request.post("/containers/create").query("name", req.name()).json(req.body());
        return ContainerSession.wrap(() -> created(client().json(again)), true);
    }

    private String created(Object answer) {
        Map<String, Object> m = Json.map(answer);
        for (Object w : Json.list(m.get("Warnings"))) {
            err().println("WARNING: " + w);
        }
        return Json.string(m.get("Id"));
    }

    private void pull(String image, boolean quiet) throws Exception {
        try {
            Pulls.pull(ctx, client(), image, false, err(), err(), ctx.console().outTerminal(), quiet);
        } catch (DaemonError e) {
            throw new CommandFailure(125, e);
        } catch (CommandFailure e) {
            throw new CommandFailure(125, e.getCause());
        }
    }

    /** {@code run} and {@code create} use {@code -h} for the hostname, as docker does: help is {@code --help} only. */
    static void dashHIsNotHelp(picocli.CommandLine.Model.CommandSpec spec) {
        spec.remove(spec.findOption("--help"));
        spec.addOption(picocli.CommandLine.Model.OptionSpec.builder("--help").usageHelp(true)
                .description("Show this help and exit.").build());
    }
}
