/**
 * Events of the engine and the control plane, in Docker's JSON shape, published on the clustered event bus
 * and kept briefly for replay ({@code berth events --since}). Publishing never blocks.
 */
package io.berth.scheduler.internal.events;
