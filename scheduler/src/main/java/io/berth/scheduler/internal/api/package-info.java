/**
 * berthd's HTTP API on a unix socket (Vert.x Web): Docker Engine API v1.43 shapes for containers, images,
 * volumes and system routes, Berth's own routes beside them, errors as {@code {"category","message","object"}}
 * with the category's HTTP status. Nothing here blocks an event loop: handlers hand work to the engine's
 * worker pool through {@link io.berth.scheduler.internal.api.Handlers}. Described in {@code docs/api/openapi.yaml}.
 */
package io.berth.scheduler.internal.api;
