/**
 * Desired state: Hazelcast maps of JSON records written through to SQLite ({@code state.db}, WAL).
 * {@link io.berth.scheduler.internal.state.StateMap} is the typed, compare-and-set view code uses;
 * {@link io.berth.scheduler.internal.state.SqliteMapStore} the write-through; {@link
 * io.berth.scheduler.internal.state.SqliteStore} the file. Invariant: a record's version grows by one per
 * change, and the durable store refuses any write that is not newer than what it holds.
 */
package io.berth.scheduler.internal.state;
