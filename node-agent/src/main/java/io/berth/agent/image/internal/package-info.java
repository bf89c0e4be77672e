/**
 * The implementation of the image API: content store ({@code .content}), layer tar handling ({@code .layer}),
 * snapshots ({@code .snapshot}), image records ({@code .store}), container root filesystems ({@code .rootfs})
 * and archives ({@code .archive}), plus small helpers shared by them (atomic writes of small files).
 */
package io.berth.agent.image.internal;
