/**
 * The file-backed content store: {@code <dataRoot>/content/blobs/sha256/<hex>} for committed, verified,
 * read-only blobs and {@code <dataRoot>/content/ingest/} for partial ones. Invariants: a file under
 * {@code blobs/} always has the digest its name says (it got there by an atomic rename after verification and
 * fsync); one ingest per digest at a time (an in-process lock: one berthd per data root).
 */
package io.berth.agent.image.internal.content;
