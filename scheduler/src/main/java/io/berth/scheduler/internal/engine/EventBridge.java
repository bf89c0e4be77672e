package io.berth.scheduler.internal.engine;

import io.berth.agent.engine.EngineEvents;
import io.berth.scheduler.internal.events.EventLog;
import java.util.Map;

/** Engine events onto the cluster's event log. */
public final class EventBridge implements EngineEvents {
    private final EventLog log;

    public EventBridge(EventLog log) {
        this.log = log;
    }

    @Override
    public void publish(String type, String action, String id, Map<String, String> attributes) {
        log.publish(type, action, id, attributes);
    }
}
