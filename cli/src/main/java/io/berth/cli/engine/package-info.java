/**
 * The docker engine commands of {@code berth} ({@code run ps logs exec images pull volume ...}), each a thin client
 * of berthd's API (Docker Engine API v1.43 shapes, see the repository's API contract): they parse docker's flags,
 * make the calls, and print what docker prints.
 *
 * <p>Main types: {@link io.berth.cli.engine.EngineCommands} (the registry {@code CommandTree} asks for a command by
 * its path), {@link io.berth.cli.engine.EngineCommand} (the base: flags, writers, the client with auto-start),
 * {@link io.berth.cli.engine.RunCommand} and {@link io.berth.cli.engine.CreateRequest} (docker's {@code run}/
 * {@code create} flags to the create body), {@link io.berth.cli.engine.AttachSession} (stdin/stdout over the hijacked
 * connection, raw terminal, resize, detach keys).
 *
 * <p>Invariants: text goes through the command's {@code getOut()/getErr()}, bytes through the {@code Console} after a
 * flush; the client is made on first use only (so {@code --help} and usage errors never connect); a daemon is
 * started only for the default socket; nothing here decides what the daemon does — the command line renders the
 * daemon's answers and progress streams.
 */
package io.berth.cli.engine;
