package io.berth.scheduler.internal.api;

import io.berth.agent.image.Image;
import io.berth.agent.image.ImageArchives;
import io.berth.agent.image.ImageFilter;
import io.berth.agent.image.PruneReport;
import io.berth.agent.registry.Credentials;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.scheduler.internal.engine.ImageService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The image routes (Docker Engine API v1.43): pull and import ({@code POST /images/create}), push, tag, list,
 * inspect, history, remove, prune, save ({@code GET /images/get}), load, and {@code POST /auth}. Image names
 * hold slashes ({@code 127.0.0.1:5000/team/app}), so their routes match by regular expression, as Docker's
 * {@code {name:.*}}. Uploads (import, load) are raw routes: the tar is streamed to the image store, never held.
 */
public final class ImageRoutes implements RouteModule {
    private static final Set<String> LIST_FILTERS = Set.of("dangling", "label", "reference", "before", "since");
    private static final Set<String> PRUNE_FILTERS = Set.of("dangling", "label");

    private final ImageService images;

    public ImageRoutes(ImageService images) {
        this.images = images;
    }

    /** Routes whose request body is a stream (mounted before the body handler). */
    public void mountRaw(Router router, Handlers h) {
        router.post("/images/create").handler(ctx -> create(ctx, h));
        router.post("/images/load").handler(ctx -> load(ctx, h));
    }

    @Override
    public void mount(Router router, Handlers h) {
        router.get("/images/json").handler(ctx -> h.json(ctx, 200, () -> list(ctx)));
        router.get("/images/get").handler(ctx -> save(ctx, h, ctx.queryParam("names")));
        router.post("/images/prune").handler(ctx -> h.json(ctx, 200, () -> prune(ctx)));
        router.post("/auth").handler(ctx -> h.json(ctx, 200, () -> login(ctx, h)));
        router.getWithRegex("/images/(?<name>.+)/json").handler(ctx -> h.json(ctx, 200,
                () -> ImageJson.inspect(images.images().store().inspect(name(ctx)), h.json())));
        router.getWithRegex("/images/(?<name>.+)/history").handler(ctx -> h.json(ctx, 200,
                () -> images.images().store().history(name(ctx)).stream().map(ImageJson::history).toList()));
        router.getWithRegex("/images/(?<name>.+)/get").handler(ctx -> save(ctx, h, List.of(name(ctx))));
        router.postWithRegex("/images/(?<name>.+)/tag").handler(ctx -> h.empty(ctx, 201,
                () -> images.tag(name(ctx), ctx.request().getParam("repo"), ctx.request().getParam("tag"))));
        router.postWithRegex("/images/(?<name>.+)/push").handler(ctx -> push(ctx, h));
        router.deleteWithRegex("/images/(?<name>.+)").handler(ctx -> h.json(ctx, 200, () -> ImageJson.deleted(
                images.remove(name(ctx), Handlers.flag(ctx, "force")))));
    }

    private static String name(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        return name != null ? name : ctx.pathParam("param0");
    }

    private List<Map<String, Object>> list(RoutingContext ctx) throws java.io.IOException {
        Filters filters = Filters.parse(ctx.request().getParam("filters"), LIST_FILTERS);
        List<String> args = new ArrayList<>();
        filters.values().forEach((key, values) -> values.forEach(v -> args.add(key + "=" + v)));
        Map<String, Integer> containers = images.containersPerImage();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Image image : images.images().store().list(ImageFilter.parse(args))) {
            out.add(ImageJson.summary(image, containers.getOrDefault(image.id().toString(), 0)));
        }
        return out;
    }

    private Map<String, Object> prune(RoutingContext ctx) throws java.io.IOException {
        Filters filters = Filters.parse(ctx.request().getParam("filters"), PRUNE_FILTERS);
        boolean all = filters.get("dangling").stream().anyMatch(v -> v.equalsIgnoreCase("false") || v.equals("0"));
        List<String> labels = filters.get("label").stream().map(l -> "label=" + l).toList();
        PruneReport report = images.prune(all, ImageFilter.parse(labels));
        return Map.of("ImagesDeleted", ImageJson.deleted(report.deleted()), "SpaceReclaimed", report.spaceReclaimed());
    }

    /** The body of {@code POST /auth} (Docker's AuthConfig; email and tokens are ignored). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record AuthBody(String username, String password, String serveraddress) {
    }

    private Map<String, Object> login(RoutingContext ctx, Handlers h) {
        AuthBody body = h.body(ctx, AuthBody.class);
        if (body.username() == null || body.username().isEmpty()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "username",
                    "a user name is required to log in: send {\"username\",\"password\",\"serveraddress\"}");
        }
        String status = images.login(body.serveraddress(), new Credentials(body.username(),
                body.password() == null ? "" : body.password()));
        return Map.of("Status", status, "IdentityToken", "");
    }

    /** {@code fromImage}: a pull; {@code fromSrc=-}: an import of the request body. */
    private void create(RoutingContext ctx, Handlers h) {
        String fromSrc = ctx.request().getParam("fromSrc");
        ProgressStream progress = new ProgressStream(ctx.response());
        if (fromSrc == null || fromSrc.isEmpty()) {
            Credentials credentials = RegistryAuth.decode(ctx.request().getHeader("X-Registry-Auth"));
            String fromImage = ctx.request().getParam("fromImage");
            String tag = ctx.request().getParam("tag");
            h.workers().executeBlocking(() -> images.pull(fromImage, tag, credentials, progress), false)
                    .onComplete(r -> progress.finish(r.cause(), h.errors()));
            return;
        }
        if (!fromSrc.equals("-")) {
            progress.finish(new BerthException(ErrorCategory.INVALID_ARGUMENT, fromSrc, "importing from "
                    + fromSrc + " is not supported by berth: send the tar as the request body (fromSrc=-)"), h.errors());
            return;
        }
        RequestBodyStream body = new RequestBodyStream(ctx.request());
        List<String> changes = ctx.queryParam("changes");
        String repo = ctx.request().getParam("repo");
        String tag = ctx.request().getParam("tag");
        String message = ctx.request().getParam("message");
        h.workers().executeBlocking(() -> {
            Image image = images.importImage(body, repo, tag, changes, message);
            progress.status(image.id().toString());
            return image;
        }, false).onComplete(r -> {
            if (r.failed()) {
                body.discard();
            }
            progress.finish(r.cause(), h.errors());
        });
    }

    private void load(RoutingContext ctx, Handlers h) {
        ProgressStream progress = new ProgressStream(ctx.response());
        RequestBodyStream body = new RequestBodyStream(ctx.request());
        h.workers().executeBlocking(() -> {
            ImageArchives.LoadResult loaded = images.load(body);
            loaded.names().forEach(n -> progress.stream("Loaded image: " + ImageJson.familiar(n) + "\n"));
            loaded.untaggedIds().forEach(id -> progress.stream("Loaded image ID: " + id + "\n"));
            return loaded;
        }, false).onComplete(r -> {
            if (r.failed()) {
                body.discard();
            }
            progress.finish(r.cause(), h.errors());
        });
    }

    private void push(RoutingContext ctx, Handlers h) {
        ProgressStream progress = new ProgressStream(ctx.response());
        Credentials credentials = RegistryAuth.decode(ctx.request().getHeader("X-Registry-Auth"));
        String name = name(ctx);
        String tag = ctx.request().getParam("tag");
        h.workers().executeBlocking(() -> images.push(name, tag == null || tag.isEmpty() ? null : tag, credentials,
                progress), false).onComplete(r -> progress.finish(r.cause(), h.errors()));
    }

    private void save(RoutingContext ctx, Handlers h, List<String> names) {
        if (names.isEmpty()) {
            h.errors().send(ctx.response(), new BerthException(ErrorCategory.INVALID_ARGUMENT, "names",
                    "query parameter 'names' is required: the images to save"));
            return;
        }
        ResponseOutputStream out = new ResponseOutputStream(ctx.response(), "application/x-tar");
        h.workers().executeBlocking(() -> {
            images.save(names, out);
            return null;
        }, false).onComplete(r -> out.finish(r.cause(), h.errors()));
    }
}
