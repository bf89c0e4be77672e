package io.berth.scheduler.internal.events;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Docker-style events ({@code {"Type","Action","Actor":{"ID","Attributes"},"time","timeNano"}}): published on
 * the clustered event bus address {@link #ADDRESS} so every API member can stream them, and the last
 * {@value #KEEP} kept here for {@code since} queries. Thread-safe; publishing never blocks.
 */
public final class EventLog {
    public static final String ADDRESS = "berth.events";
    static final int KEEP = 1024;

    private final EventBus bus;
    private final Clock clock;
    private final Deque<JsonObject> recent = new ArrayDeque<>();

    public EventLog(EventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    /** Publishes one event; {@code scope} is "local" as Docker's engine events. */
    public void publish(String type, String action, String id, Map<String, String> attributes) {
        Instant now = clock.instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        JsonObject actor = new JsonObject().put("ID", id).put("Attributes", new JsonObject(Map.copyOf(attributes)));
        JsonObject event = new JsonObject()
                .put("Type", type).put("Action", action).put("Actor", actor)
                .put("scope", "local").put("time", now.getEpochSecond()).put("timeNano", nanos);
        if ("container".equals(type)) {
            event.put("status", action).put("id", id).put("from", attributes.getOrDefault("image", ""));
        }
        synchronized (recent) {
            recent.addLast(event);
            while (recent.size() > KEEP) {
                recent.removeFirst();
            }
        }
        bus.publish(ADDRESS, event);
    }

    /** Kept events with {@code since <= timeNano < until} (nanoseconds since the epoch). */
    public List<JsonObject> between(long sinceNanos, long untilNanos) {
        List<JsonObject> result = new ArrayList<>();
        synchronized (recent) {
            for (JsonObject event : recent) {
                long t = event.getLong("timeNano");
                if (t >= sinceNanos && t < untilNanos) {
                    result.add(event);
                }
            }
        }
        return result;
    }
}
