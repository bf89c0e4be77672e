/**
 * Direct libc calls for what the JDK lacks (lchown, chmod with setuid/setgid/sticky, mknod, lutimes, xattrs,
 * mount/umount) through jnr-ffi, so the image code never forks a process for a file-system operation.
 * {@link io.berth.agent.image.internal.fs.NativeFs} is stateless and thread-safe; errors are IOExceptions that
 * name the call, the path and errno's text.
 */
package io.berth.agent.image.internal.fs;
