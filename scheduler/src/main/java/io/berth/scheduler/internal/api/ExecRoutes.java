package io.berth.scheduler.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.agent.engine.ContainerIo;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.agent.runtime.StdStream;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** {@code exec}: create (201 {Id}), start (detached, or upgraded to a raw stream), inspect. */
public final class ExecRoutes implements RouteModule {
    private final ContainerIo io;
    private final Executor streams;

    public ExecRoutes(ContainerIo io, Executor streams) {
        this.io = io;
        this.streams = streams;
    }

    @Override
    public void mount(Router router, Handlers h) {
        router.post("/containers/:id/exec").handler(ctx -> h.json(ctx, 201, () -> {
            JsonNode body = h.json().readTree(ctx.body().asString() == null ? "{}" : ctx.body().asString());
            ContainerIo.ExecSpec spec = new ContainerIo.ExecSpec(strings(body.get("Cmd")), strings(body.get("Env")),
                    text(body, "WorkingDir"), text(body, "User"), body.path("Tty").asBoolean(false),
                    body.path("AttachStdin").asBoolean(false), body.path("Privileged").asBoolean(false));
            return Map.of("Id", io.createExec(ctx.pathParam("id"), spec));
        }));
        router.get("/exec/:id/json").handler(ctx -> h.json(ctx, 200, () -> inspect(io.inspectExec(ctx.pathParam("id")))));
    }

    /**
     * Mounted before the body handler. {@code POST /exec/{id}/start} with {@code {"Detach":true}} starts a
     * detached exec; an attached one is {@code GET /exec/{id}/start?tty=0|1} with {@code Upgrade: tcp} (Vert.x
     * upgrades GET requests only; Docker uses POST with the options in the body).
     */
    public void mountRaw(Router router, Handlers h) {
        router.get("/exec/:id/start").handler(ctx -> start(ctx, h, false, Handlers.flag(ctx, "tty")));
        router.post("/exec/:id/start").handler(ctx -> ctx.request().body().onComplete(body -> {
            if (body.failed()) {
                h.errors().send(ctx.response(), body.cause());
                return;
            }
            JsonObject options = body.result().length() == 0 ? new JsonObject() : body.result().toJsonObject();
            if (!options.getBoolean("Detach", false)) {
                h.errors().send(ctx.response(), new BerthException(
                        ErrorCategory.INVALID_ARGUMENT, ctx.request().path(), "start an attached exec"
                        + " with GET " + ctx.request().path() + "?tty=0|1 and the headers Connection: Upgrade,"
                        + " Upgrade: tcp (berthd upgrades GET requests only)"));
                return;
            }
            start(ctx, h, true, options.getBoolean("Tty", false));
        }));
    }

    private void start(RoutingContext ctx, Handlers h, boolean detach, boolean tty) {
        String execId = ctx.pathParam("id");
        if (detach) {
            h.empty(ctx, 200, () -> {
                io.startExecDetached(execId);
                return null;
            });
            return;
        }
        StreamRoutes.upgrade(ctx, socket -> {
            StreamRoutes.SocketOutput output = new StreamRoutes.SocketOutput(socket, tty, true, true);
            return h.workers().executeBlocking(() -> io.startExec(execId, output), false)
                    .onSuccess(session -> StreamRoutes.Bridge.connect(socket, session, DetachKeys.parse(null), streams,
                            StreamRoutes.Bridge.framed(ctx)))
                    .onFailure(e -> {
                        byte[] message = (h.errors().classify(e).getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                        socket.write(StreamFrames.frame(tty, StdStream.STDERR, message, 0, message.length));
                        socket.end();
                    }).mapEmpty();
        }, h);
    }

    private static Map<String, Object> inspect(ContainerIo.ExecInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ID", info.id());
        json.put("Running", info.running());
        json.put("ExitCode", info.exitCode());
        json.put("ContainerID", info.containerId());
        json.put("Pid", info.pid());
        json.put("OpenStdin", info.spec().attachStdin());
        json.put("ProcessConfig", Map.of("entrypoint", info.spec().cmd().get(0), "arguments",
                info.spec().cmd().subList(1, info.spec().cmd().size()), "tty", info.spec().tty(),
                "user", info.spec().user() == null ? "" : info.spec().user(), "privileged", info.spec().privileged()));
        return json;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }
}
