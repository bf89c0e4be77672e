/**
 * How the volumes API is done: the flag parsers ({@code VolumeFlagParser}, {@code MountFlagParser},
 * {@code TmpfsFlagParser}) and Go-compatible helpers ({@code GoPaths}, {@code Csv}, {@code GoUnits},
 * {@code MountFlags}); the local store ({@code LocalVolumeStore}, {@code VolumeEntry}, {@code VolumeDirectories},
 * {@code MetadataFiles}); the kernel side through jnr-ffi ({@code LibC}, {@code Native}, {@code Mounter},
 * {@code MountInfo}); copy-up ({@code CopyUp}, {@code SecureJoin}). Invariants: metadata files are replaced
 * atomically (temp file, fsync, rename); nothing follows a symlink out of a volume or a root file system; a tree
 * is deleted without entering another mount; no static mutable state (libc is bound per store).
 */
package io.berth.volumes.internal;
