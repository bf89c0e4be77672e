/**
 * berthd's internals that belong to no narrower package: facts about the host ({@link
 * io.berth.scheduler.internal.HostFacts}) and the single-instance lock on the data root.
 */
package io.berth.scheduler.internal;
