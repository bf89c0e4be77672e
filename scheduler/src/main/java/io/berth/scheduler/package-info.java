/**
 * berthd: {@link io.berth.scheduler.Berthd} (the command), {@link io.berth.scheduler.BerthDaemon} (the
 * composition root that wires cluster, state store, engine and API through constructors),
 * {@link io.berth.scheduler.DaemonConfig} and {@link io.berth.scheduler.NodeRecord}. A single host is a
 * cluster of one member; there is no separate code path for it.
 */
package io.berth.scheduler;
