/**
 * Snapshots: each layer unpacked once into {@code <dataRoot>/s/<id>} (ids of three base-36 characters, so
 * overlayfs lowerdir options stay short), keyed by chain ID through records in {@code <dataRoot>/snapshots/}.
 * Invariant: a record exists only for a complete, diff-ID-verified directory; directories without a record are
 * leftovers of a crash and are removed when the store opens.
 */
package io.berth.agent.image.internal.snapshot;
