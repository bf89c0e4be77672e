package io.berth.scheduler.internal.api;

import io.berth.agent.engine.spec.ContainerConfig;
import io.berth.agent.image.Change;
import io.berth.agent.image.Image;
import io.berth.scheduler.internal.engine.ContainerFiles;
import io.berth.scheduler.internal.files.PathStat;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * A container's file system (Docker Engine API v1.43): {@code changes}, {@code POST /commit}, {@code export}
 * and {@code archive} (GET a tar of a path, HEAD its stat, PUT a tar into a directory: {@code docker cp}).
 * The PUT body is streamed (a raw route); tars going out are streamed as they are written.
 */
public final class ContainerFileRoutes implements RouteModule {
    static final String STAT_HEADER = "X-Docker-Container-Path-Stat";

    private final ContainerFiles files;

    public ContainerFileRoutes(ContainerFiles files) {
        this.files = files;
    }

    /** {@code PUT /containers/{id}/archive}: its body is a tar of any size. */
    public void mountRaw(Router router, Handlers h) {
        router.put("/containers/:id/archive").handler(ctx -> extract(ctx, h));
    }

    @Override
    public void mount(Router router, Handlers h) {
        router.get("/containers/:id/changes").handler(ctx -> h.json(ctx, 200,
                () -> files.changes(ctx.pathParam("id")).stream().map(ContainerFileRoutes::change).toList()));
        router.post("/commit").handler(ctx -> h.json(ctx, 201, () -> commit(ctx, h)));
        router.get("/containers/:id/export").handler(ctx -> export(ctx, h));
        router.head("/containers/:id/archive").handler(ctx -> stat(ctx, h));
        router.get("/containers/:id/archive").handler(ctx -> archive(ctx, h));
    }

    private static Map<String, Object> change(Change c) {
        return Map.of("Path", c.path(), "Kind", c.kind().ordinal());
    }

    private Map<String, Object> commit(RoutingContext ctx, Handlers h) throws java.io.IOException {
        String container = ctx.request().getParam("container");
        if (container == null || container.isEmpty()) {
            throw new io.berth.compose.BerthException(io.berth.compose.ErrorCategory.INVALID_ARGUMENT, "container",
                    "query parameter 'container' is required: the container to commit");
        }
        String pause = ctx.request().getParam("pause");
        ContainerConfig config = ctx.body().length() == 0 ? null : h.body(ctx, ContainerConfig.class);
        Image image = files.commit(container, new ContainerFiles.CommitRequest(ctx.request().getParam("repo"),
                ctx.request().getParam("tag"), ctx.request().getParam("comment"), ctx.request().getParam("author"),
                pause == null || pause.isEmpty() || Handlers.flag(ctx, "pause"), changes(ctx), config));
        return Map.of("Id", image.id().toString());
    }

    /** {@code changes} as Docker's clients send them: repeated, or one value with instructions on lines. */
    private static List<String> changes(RoutingContext ctx) {
        return ctx.queryParam("changes").stream().flatMap(c -> c.lines()).filter(c -> !c.isBlank()).toList();
    }

    private void export(RoutingContext ctx, Handlers h) {
        ResponseOutputStream out = new ResponseOutputStream(ctx.response(), "application/x-tar");
        String id = ctx.pathParam("id");
        h.workers().executeBlocking(() -> {
            files.export(id, out);
            return null;
        }, false).onComplete(r -> out.finish(r.cause(), h.errors()));
    }

    private void stat(RoutingContext ctx, Handlers h) {
        String id = ctx.pathParam("id");
        String path = path(ctx);
        h.workers().executeBlocking(() -> files.stat(id, path), false).onComplete(r -> {
            if (r.failed()) {
                h.errors().send(ctx.response(), r.cause());
            } else {
                ctx.response().putHeader(STAT_HEADER, r.result().header()).setStatusCode(200).end();
            }
        });
    }

    private void archive(RoutingContext ctx, Handlers h) {
        String id = ctx.pathParam("id");
        String path = path(ctx);
        ResponseOutputStream out = new ResponseOutputStream(ctx.response(), "application/x-tar");
        h.workers().executeBlocking(() -> {
            ContainerFiles.Archive archive = files.archive(id, path);
            PathStat stat = archive.stat();
            ctx.response().putHeader(STAT_HEADER, stat.header());
            archive.writeTo(out);
            return null;
        }, false).onComplete(r -> out.finish(r.cause(), h.errors()));
    }

    private void extract(RoutingContext ctx, Handlers h) {
        String id = ctx.pathParam("id");
        String path = ctx.request().getParam("path");
        boolean noOverwrite = Handlers.flag(ctx, "noOverwriteDirNonDir");
        boolean copyUidGid = Handlers.flag(ctx, "copyUIDGID");
        RequestBodyStream body = new RequestBodyStream(ctx.request());
        h.workers().executeBlocking(() -> {
            files.extract(id, path == null || path.isEmpty() ? "/" : path, noOverwrite, copyUidGid, body);
            return null;
        }, false).onComplete(r -> {
            if (r.failed()) {
                body.discard();
                h.errors().send(ctx.response(), r.cause());
            } else {
                ctx.response().setStatusCode(200).end();
            }
        });
    }

    private static String path(RoutingContext ctx) {
        String path = ctx.request().getParam("path");
        if (path == null || path.isEmpty()) {
            throw new io.berth.compose.BerthException(io.berth.compose.ErrorCategory.INVALID_ARGUMENT, "path",
                    "query parameter 'path' is required");
        }
        return path;
    }
}
