/**
 * Image archives: {@code save} writes Docker 25's tar (an OCI image layout that is also a docker-archive),
 * {@code load} reads docker-archives (old and new) and OCI layout tars, {@code import} makes a one-layer image
 * from a root filesystem tar. Invariant: every blob a load stores is verified (by its claimed name or by
 * hashing), and blobs it added but no image uses are removed before it returns.
 */
package io.berth.agent.image.internal.archive;
