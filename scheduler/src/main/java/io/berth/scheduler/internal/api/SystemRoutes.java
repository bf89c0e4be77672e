package io.berth.scheduler.internal.api;

import io.berth.scheduler.internal.events.EventLog;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /_ping}, {@code /version}, {@code /info} and the {@code /events} stream. */
public final class SystemRoutes implements RouteModule {
    private final Supplier<Map<String, Object>> version;
    private final Supplier<Map<String, Object>> info;
    private final EventLog events;
    private final Clock clock;

    public SystemRoutes(Supplier<Map<String, Object>> version, Supplier<Map<String, Object>> info,
                        EventLog events, Clock clock) {
        this.version = version;
        this.info = info;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void mount(Router router, Handlers handlers) {
        router.route("/_ping").handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain")
                .putHeader("Api-Version", "1.43").end("OK"));
        router.get("/version").handler(ctx -> handlers.json(ctx, 200, version::get));
        router.get("/info").handler(ctx -> handlers.json(ctx, 200, info::get));
        router.get("/events").handler(this::events);
    }

    private void events(RoutingContext ctx) {
        MultiMap params = ctx.request().params();
        long now = toNanos(clock.instant());
        long since = params.contains("since") ? TimeParams.toNanos(params.get("since"), clock) : now;
        long until = params.contains("until") ? TimeParams.toNanos(params.get("until"), clock) : Long.MAX_VALUE;
        EventFilter filter = EventFilter.parse(params.get("filters"));
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("Content-Type", "application/json");
        response.writeHead();
        for (JsonObject event : events.between(since, Math.min(until, now + 1))) {
            if (filter.matches(event)) {
                response.write(event.encode() + "\n");
            }
        }
        if (until <= now) {
            response.end();
            return;
        }
        MessageConsumer<JsonObject> consumer = ctx.vertx().eventBus().consumer(EventLog.ADDRESS);
        consumer.handler(message -> {
            JsonObject event = message.body();
            if (event.getLong("timeNano") >= until) {
                consumer.unregister();
                response.end();
            } else if (filter.matches(event)) {
                response.write(event.encode() + "\n");
            }
        });
        if (until != Long.MAX_VALUE) {
            long delay = Math.max(1, Duration.ofNanos(until - now).toMillis());
            ctx.vertx().setTimer(delay, t -> {
                consumer.unregister();
                if (!response.ended()) {
                    response.end();
                }
            });
        }
        response.closeHandler(v -> consumer.unregister());
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Docker's event filters: type, event (action), container/image/volume (id or name), label. */
    record EventFilter(JsonObject filters) {
        static EventFilter parse(String text) {
            return new EventFilter(text == null || text.isBlank() ? new JsonObject() : new JsonObject(text));
        }

        boolean matches(JsonObject event) {
            for (String key : filters.fieldNames()) {
                JsonArray wanted = values(filters.getValue(key));
                if (!wanted.isEmpty() && !matchesOne(key, wanted, event)) {
                    return false;
                }
            }
            return true;
        }

        private static JsonArray values(Object value) {
            if (value instanceof JsonArray array) {
                return array;
            }
            JsonArray array = new JsonArray();
            if (value instanceof JsonObject object) {
                object.fieldNames().forEach(array::add);
            }
            return array;
        }

        private static boolean matchesOne(String key, JsonArray wanted, JsonObject event) {
            JsonObject actor = event.getJsonObject("Actor");
            JsonObject attributes = actor.getJsonObject("Attributes");
            return switch (key) {
                case "type" -> wanted.contains(event.getString("Type"));
                case "event" -> wanted.contains(event.getString("Action"));
                case "container", "image", "volume", "network" -> key.equals(event.getString("Type"))
                        && wanted.stream().anyMatch(w -> actor.getString("ID").startsWith(w.toString())
                        || w.equals(attributes.getString("name")));
                case "label" -> wanted.stream().map(Object::toString).anyMatch(w -> {
                    int eq = w.indexOf('=');
                    return eq < 0 ? attributes.containsKey(w)
                            : w.substring(eq + 1).equals(attributes.getString(w.substring(0, eq)));
                });
                default -> true;
            };
        }
    }
}
