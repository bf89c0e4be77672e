/**
 * Files of a container's root for {@code docker cp}: paths resolved inside the root whatever its symbolic links
 * say ({@link io.berth.scheduler.internal.files.RootPath}), Docker's path stat header
 * ({@link io.berth.scheduler.internal.files.PathStat}), and tar streams out of and into the root
 * ({@link io.berth.scheduler.internal.files.TarExport}, {@link io.berth.scheduler.internal.files.TarExtract}).
 * Invariant: nothing here reads or writes outside the root it is given, and nothing is buffered whole in memory.
 * Blocking file I/O: call on worker threads.
 */
package io.berth.scheduler.internal.files;
