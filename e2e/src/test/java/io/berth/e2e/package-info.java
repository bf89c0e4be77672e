/**
 * End-to-end tests of the built distribution: they run {@code cli/target/berth/bin/berth} as a separate process,
 * with a clean environment as a user's shell or CI would give it, and check exit codes, stdout and stderr.
 *
 * <p>Main types: {@link io.berth.e2e.BerthProcess} (runs the launcher), {@link io.berth.e2e.BerthConfigIT}
 * ({@code berth config} on the samples and on broken input), {@link io.berth.e2e.ConformanceIT} (the compose
 * conformance sample from {@code ../shared/compose-conformance}). Nothing here starts a daemon yet; nothing here
 * leaves anything behind but files under JUnit's temporary directories.
 */
package io.berth.e2e;
