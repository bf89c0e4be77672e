/**
 * Image records and Docker's image commands on them: {@code create} (after pull, load, import, commit), list
 * with filters, lookup by name/ID/ID prefix, tag, {@code rmi} with Docker's untag-then-delete rules, prune,
 * history, inspect. Records are JSON files in {@code <dataRoot>/images/} (written atomically); the name index
 * is rebuilt from them. Invariants: a name belongs to one image; a blob or snapshot is deleted only when no
 * image, container root filesystem or creation in progress references it.
 */
package io.berth.agent.image.internal.store;
