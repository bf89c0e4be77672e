/**
 * The container runtime of a node, as plain blocking Java: {@link io.berth.agent.runtime.ContainerRuntime}
 * creates, starts, stops, pauses, execs into, attaches to and deletes containers described by
 * {@link io.berth.agent.runtime.ContainerConfig} (process, file system, network mode, security, resources,
 * options), reads their logs and cgroup accounting, and re-adopts them after berthd restarts. Invariants: every
 * container runs under its own conmon, which berthd never kills; everything created carries the configured cgroup
 * parent and lives under the configured data and run roots, so orphans can be told from others' containers;
 * limits are never set above what the host lets berthd set.
 */
package io.berth.agent.runtime;
