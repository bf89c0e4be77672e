package io.berth.agent.engine;

import java.util.Map;

/** Where the engine reports what happened ({@code create}, {@code start}, {@code die}, {@code destroy}...). */
@FunctionalInterface
public interface EngineEvents {
    void publish(String type, String action, String id, Map<String, String> attributes);
}
