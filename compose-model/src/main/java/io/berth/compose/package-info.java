/**
 * The compose-model API: {@link io.berth.compose.ComposeLoader} loads Compose files into an immutable, normalized {@link io.berth.compose.Project}; {@link io.berth.compose.ConfigRenderer} prints it as {@code docker compose config} does and computes service config hashes. Pure: reads files and the given environment, nothing else; no static state but the compiled schema.
 */
package io.berth.compose;
