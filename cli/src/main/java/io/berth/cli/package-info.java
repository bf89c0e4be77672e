/**
 * The {@code berth} command: a picocli tree that mirrors {@code docker} (engine commands at the top level, the
 * groups {@code image container network volume system}) and {@code docker compose} (under {@code berth compose},
 * with the shortcuts {@code berth up|down|config}).
 *
 * <p>Main types: {@link io.berth.cli.Main} (the composition root, the only place that reads the process's
 * environment, working directory and standard streams), {@link io.berth.cli.CommandTree} (builds the tree from a
 * {@link io.berth.cli.CliContext}), {@link io.berth.cli.ConfigCommand} ({@code berth config}) and
 * {@link io.berth.cli.PendingCommand} (every command that needs the daemon, which this build does not have).
 *
 * <p>Invariants: commands print only through the writers of their {@code CommandLine} (tests capture them);
 * exit codes are 0 success, 1 failure (the {@code ErrorCategory} of a {@code BerthException}), 2 usage error;
 * this package sees only the API of compose-model ({@code io.berth.compose}), never its {@code internal} packages;
 * nothing here is static state, so two trees can run side by side in one JVM.
 */
package io.berth.cli;
