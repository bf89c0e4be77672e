/**
 * Adapters that plug the node agent's engine into berthd: container records in the cluster's state maps,
 * engine events onto the event bus, the image store and volumes behind the engine's ports. {@code ImageService}
 * holds the daemon's registry client and turns pulls, pushes, imports, loads and removals into Docker's progress
 * messages ({@link io.berth.scheduler.internal.engine.Progress}) and image events; {@code ContainerFiles} serves a
 * container's diff, commit, export and cp, never reading or writing outside the container's root.
 */
package io.berth.scheduler.internal.engine;
