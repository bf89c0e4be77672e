package io.berth.scheduler.internal.api;

import io.berth.scheduler.internal.events.EventLog;
import io.berth.volumes.PruneReport;
import io.berth.volumes.Volume;
import io.berth.volumes.VolumeCreateRequest;
import io.berth.volumes.VolumeJson;
import io.berth.volumes.VolumeStore;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The volume routes (Docker Engine API v1.43) over the node's {@link VolumeStore}: list, create, inspect,
 * remove (refused while a container uses the volume, even forced, as Docker), prune; "create" and "destroy"
 * volume events as Docker sends them.
 */
public final class VolumeRoutes implements RouteModule {
    private static final Set<String> LIST_FILTERS = Set.of("dangling", "name", "label", "driver");
    private static final Set<String> PRUNE_FILTERS = Set.of("label", "label!", "all");

    private final VolumeStore volumes;
    private final EventLog events;
    private final ZoneId zone;

    public VolumeRoutes(VolumeStore volumes, EventLog events, ZoneId zone) {
        this.volumes = volumes;
        this.events = events;
        this.zone = zone;
    }

    /** Docker's {@code VolumeCreateOptions}. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record CreateBody(@com.fasterxml.jackson.annotation.JsonProperty("Name") String name,
                      @com.fasterxml.jackson.annotation.JsonProperty("Driver") String driver,
                      @com.fasterxml.jackson.annotation.JsonProperty("DriverOpts") Map<String, String> driverOpts,
                      @com.fasterxml.jackson.annotation.JsonProperty("Labels") Map<String, String> labels) {
    }

    @Override
    public void mount(Router router, Handlers h) {
        router.get("/volumes").handler(ctx -> h.json(ctx, 200, () -> Map.of("Volumes", volumes.list(
                Filters.parse(ctx.request().getParam("filters"), LIST_FILTERS).values()).stream()
                .map(v -> VolumeJson.of(v, null, zone)).toList(), "Warnings", List.of())));
        router.post("/volumes/create").handler(ctx -> h.json(ctx, 201, () -> create(ctx, h)));
        router.post("/volumes/prune").handler(ctx -> h.json(ctx, 200, () -> prune(ctx)));
        router.get("/volumes/:name").handler(ctx -> h.json(ctx, 200,
                () -> volumes.inspectJson(ctx.pathParam("name"), false)));
        router.delete("/volumes/:name").handler(ctx -> h.empty(ctx, 204, () -> {
            String name = ctx.pathParam("name");
            String driver = driver(name);
            volumes.remove(name, Handlers.flag(ctx, "force"));
            if (driver != null) {
                events.publish("volume", "destroy", name, Map.of("driver", driver));
            }
            return null;
        }));
    }

    /** The volume's driver, or null when there is no such volume (a forced remove of it succeeds silently). */
    private String driver(String name) {
        try {
            return volumes.inspect(name).driver();
        } catch (io.berth.compose.BerthException e) {
            if (e.category() == io.berth.compose.ErrorCategory.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private VolumeJson create(RoutingContext ctx, Handlers h) {
        CreateBody body = h.body(ctx, CreateBody.class);
        Volume volume = volumes.create(new VolumeCreateRequest(body.name(), body.driver(), body.driverOpts(),
                body.labels()));
        events.publish("volume", "create", volume.name(), Map.of("driver", volume.driver()));
        return VolumeJson.of(volume, null, zone);
    }

    private Map<String, Object> prune(RoutingContext ctx) {
        PruneReport report = volumes.prune(Filters.parse(ctx.request().getParam("filters"), PRUNE_FILTERS).values());
        for (String name : report.volumesDeleted()) {
            events.publish("volume", "destroy", name, Map.of("driver", io.berth.volumes.VolumeOptions.LOCAL_DRIVER));
        }
        events.publish("volume", "prune", "", Map.of("reclaimed", Long.toString(report.spaceReclaimed())));
        return Map.of("VolumesDeleted", report.volumesDeleted(), "SpaceReclaimed", report.spaceReclaimed());
    }
}
