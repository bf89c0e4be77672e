package io.berth.agent.engine;

import io.berth.agent.runtime.ContainerRuntime;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * What an engine is made of: the node's runtime, images, mounts, the container store and where events go,
 * plus the injected clock, ID source (64 hex), randomness (for names), a scheduler for delayed restarts and
 * health probes, and this node's ID.
 */
public record EngineParts(ContainerRuntime runtime, ImagePort images, MountPort mounts, ContainerStore store,
                          EngineEvents events, Environment environment) {

    public record Environment(Clock clock, Supplier<String> ids, IntUnaryOperator random,
                              ScheduledExecutorService scheduler, String nodeId) {
    }
}
