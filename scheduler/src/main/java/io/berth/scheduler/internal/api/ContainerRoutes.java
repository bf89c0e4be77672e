package io.berth.scheduler.internal.api;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerService;
import io.berth.agent.engine.ContainerView;
import io.berth.agent.engine.spec.CreateRequest;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The container lifecycle routes (Docker Engine API v1.43): create, start, stop, list, inspect, wait, remove… */
public final class ContainerRoutes implements RouteModule {
    private static final Set<String> LIST_FILTERS = Set.of("id", "name", "label", "status", "exited", "ancestor",
            "before", "since", "health", "volume", "network", "is-task", "publish", "expose");

    private final ContainerService containers;
    private final ContainerJson views;

    public ContainerRoutes(ContainerService containers, Clock clock) {
        this.containers = containers;
        this.views = new ContainerJson(clock);
    }

    @Override
    public void mount(Router router, Handlers h) {
        router.post("/containers/create").handler(ctx -> h.json(ctx, 201, () -> {
            CreateRequest request = CreateRequest.parse(ctx.body().asString(), h.json());
            ContainerService.Created created = containers.create(ctx.request().getParam("name"), request);
            return Map.of("Id", created.id(), "Warnings", created.warnings());
        }));
        router.get("/containers/json").handler(ctx -> h.json(ctx, 200, () -> list(ctx)));
        router.post("/containers/prune").handler(ctx -> h.json(ctx, 200, () -> {
            Filters filters = Filters.parse(ctx.request().getParam("filters"), Set.of("label", "until", "label!"));
            List<String> removed = containers.prune(view -> filters.labelsMatch(view.record().config().labels()));
            return Map.of("ContainersDeleted", removed, "SpaceReclaimed", 0);
        }));
        router.get("/containers/:id/json").handler(ctx -> h.json(ctx, 200,
                () -> views.inspect(containers.inspect(ctx.pathParam("id"), Handlers.flag(ctx, "size")))));
        router.post("/containers/:id/start").handler(ctx -> h.workers().executeBlocking(
                () -> containers.start(ctx.pathParam("id")), false).onComplete(r -> {
                    if (r.failed()) {
                        h.errors().send(ctx.response(), r.cause());
                    } else {
                        ctx.response().setStatusCode(r.result() ? 204 : 304).end();
                    }
                }));
        router.post("/containers/:id/stop").handler(ctx -> h.workers().executeBlocking(
                () -> containers.stop(ctx.pathParam("id"), timeout(ctx), ctx.request().getParam("signal")), false)
                .onComplete(r -> {
                    if (r.failed()) {
                        h.errors().send(ctx.response(), r.cause());
                    } else {
                        ctx.response().setStatusCode(r.result() ? 204 : 304).end();
                    }
                }));
        router.post("/containers/:id/restart").handler(ctx -> h.empty(ctx, 204, () -> {
            containers.restart(ctx.pathParam("id"), timeout(ctx), ctx.request().getParam("signal"));
            return null;
        }));
        router.post("/containers/:id/kill").handler(ctx -> h.empty(ctx, 204, () -> {
            String signal = ctx.request().getParam("signal");
            containers.kill(ctx.pathParam("id"), signal == null || signal.isEmpty() ? "SIGKILL" : signal);
            return null;
        }));
        router.post("/containers/:id/pause").handler(ctx -> h.empty(ctx, 204, () -> {
            containers.pause(ctx.pathParam("id"));
            return null;
        }));
        router.post("/containers/:id/unpause").handler(ctx -> h.empty(ctx, 204, () -> {
            containers.unpause(ctx.pathParam("id"));
            return null;
        }));
        router.post("/containers/:id/rename").handler(ctx -> h.empty(ctx, 204, () -> {
            containers.rename(ctx.pathParam("id"), required(ctx, "name"));
            return null;
        }));
        router.delete("/containers/:id").handler(ctx -> h.empty(ctx, 204, () -> {
            containers.remove(ctx.pathParam("id"), Handlers.flag(ctx, "force"), Handlers.flag(ctx, "v"));
            return null;
        }));
        router.post("/containers/:id/wait").handler(ctx -> waitFor(ctx, h));
    }

    private void waitFor(RoutingContext ctx, Handlers h) {
        String condition = ctx.request().getParam("condition", "not-running");
        h.workers().executeBlocking(() -> containers.await(ctx.pathParam("id"), condition), false)
                .onComplete(started -> {
                    if (started.failed()) {
                        h.errors().send(ctx.response(), started.cause());
                        return;
                    }
                    // Docker sends the headers at once, so a client knows the wait is in place before it starts.
                    ctx.response().setChunked(true).putHeader("Content-Type", "application/json").writeHead();
                    started.result().whenComplete((code, failure) -> ctx.vertx().runOnContext(v -> {
                        if (failure != null) {
                            BerthException error = h.errors().classify(failure);
                            ctx.response().end("{\"StatusCode\":-1,\"Error\":{\"Message\":"
                                    + io.vertx.core.json.Json.encode(error.getMessage()) + "}}\n");
                        } else {
                            ctx.response().end("{\"StatusCode\":" + code + "}\n");
                        }
                    }));
                });
    }

    private List<Map<String, Object>> list(RoutingContext ctx) {
        Filters filters = Filters.parse(ctx.request().getParam("filters"), LIST_FILTERS);
        String limit = ctx.request().getParam("limit");
        int max = limit == null || limit.isEmpty() ? -1 : Integer.parseInt(limit);
        // As Docker: a limit (ps -n/-l) and status filters look at stopped containers too.
        boolean all = Handlers.flag(ctx, "all") || max > 0 || filters.has("status") || filters.has("exited");
        List<ContainerView> views = containers.list(all, Handlers.flag(ctx, "size"));
        List<ContainerView> matching = views.stream().filter(v -> ContainerFilter.matches(v, filters, views)).toList();
        if (max > 0) {
            matching = matching.subList(0, Math.min(max, matching.size()));
        }
        return matching.stream().map(this.views::summary).toList();
    }

    private static Duration timeout(RoutingContext ctx) {
        String t = ctx.request().getParam("t");
        if (t == null || t.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, t, "invalid timeout \"" + t + "\": seconds expected");
        }
    }

    private static String required(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isEmpty()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, name, "query parameter '" + name + "' is required");
        }
        return value;
    }

    /** Docker's container list filters over views (newest first, as Docker lists). */
    static final class ContainerFilter {
        private ContainerFilter() {
        }

        static boolean matches(ContainerView view, Filters filters, List<ContainerView> all) {
            ContainerRecord r = view.record();
            return any(filters.get("id"), v -> r.id().startsWith(v))
                    && any(filters.get("name"), v -> r.name().contains(v.startsWith("/") ? v.substring(1) : v))
                    && any(filters.get("status"), v -> v.equals(r.state().status().word()))
                    && any(filters.get("exited"), v -> r.state().status().word().equals("exited")
                            && Integer.toString(r.state().exitCode()).equals(v))
                    && any(filters.get("ancestor"), v -> v.equals(r.image()) || r.imageId().contains(v))
                    && any(filters.get("health"), v -> v.equals(r.state().health() == null ? "none"
                            : r.state().health().status()))
                    && any(filters.get("volume"), v -> view.mounts().stream().anyMatch(m -> v.equals(m.name())
                            || v.equals(m.destination())))
                    && filters.labelsMatch(r.config().labels())
                    && relative(filters.get("before"), r, all, true)
                    && relative(filters.get("since"), r, all, false);
        }

        private static boolean any(List<String> wanted, java.util.function.Predicate<String> test) {
            return wanted.isEmpty() || wanted.stream().anyMatch(test);
        }

        private static boolean relative(List<String> refs, ContainerRecord r, List<ContainerView> all, boolean before) {
            for (String ref : refs) {
                ContainerRecord other = all.stream().map(ContainerView::record)
                        .filter(o -> o.name().equals(ref) || o.id().startsWith(ref)).findFirst()
                        .orElseThrow(() -> new BerthException(ErrorCategory.NOT_FOUND, ref, "No such container: " + ref));
                Instant mine = Instant.parse(r.created());
                Instant theirs = Instant.parse(other.created());
                if (before ? !mine.isBefore(theirs) : !mine.isAfter(theirs)) {
                    return false;
                }
            }
            return true;
        }
    }
}
