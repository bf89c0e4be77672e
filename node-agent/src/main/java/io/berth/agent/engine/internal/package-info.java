/**
 * The engine's implementation: {@link io.berth.agent.engine.internal.LocalContainers} (Docker's container
 * lifecycle over the runtime, images and mounts), {@link io.berth.agent.engine.internal.Lifecycle} (the steps,
 * each undone in reverse when a later one fails), {@link io.berth.agent.engine.internal.Recovery} (what berthd
 * does at start), {@link io.berth.agent.engine.internal.HealthChecks}, {@link
 * io.berth.agent.engine.internal.LocalContainerIo} (logs, attach, exec, top, stats) and the pure translations of
 * {@link io.berth.agent.engine.internal.ContainerSpecs}. Invariants: operations on one container never interleave
 * ({@code ContainerLocks}); every record change is one compare-and-set with the next version; exit handling never
 * runs on the runtime's watcher thread.
 */
package io.berth.agent.engine.internal;
