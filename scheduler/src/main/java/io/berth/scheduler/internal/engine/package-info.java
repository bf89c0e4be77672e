/**
 * Adapters that plug the node agent's engine into berthd: container records in the cluster's state maps,
 * engine events onto the event bus, the image store and volumes behind the engine's ports.
 */
package io.berth.scheduler.internal.engine;
