/**
 * The engine of a node: Docker-style containers made from images, volumes and the runtime. Its records
 * ({@link io.berth.agent.engine.ContainerRecord}) live in a {@link io.berth.agent.engine.ContainerStore}
 * (cluster state in berthd); the rules people know from Docker are pure functions here — names
 * ({@link io.berth.agent.engine.Names}), restart policies ({@link io.berth.agent.engine.RestartRule}), health
 * ({@link io.berth.agent.engine.HealthState}), the STATUS column ({@link io.berth.agent.engine.HumanTime}).
 */
package io.berth.agent.engine;
