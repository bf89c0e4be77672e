/**
 * How {@link io.berth.agent.runtime.ContainerRuntime} is done: {@code OciSpecWriter} (with
 * {@code OciLinuxSection}, {@code Capabilities}, {@code SeccompProfiles}, {@code HostLimits},
 * {@code UserResolver}) turns a config into a runtime-spec bundle, purely from the config and {@code HostFacts};
 * {@code ContainerCreator} writes it and starts {@code conmon} (through {@code Conmon}), which runs runc or crun
 * ({@code RuntimeChoice}); {@code StateReader} derives state from conmon's and the kernel's files without forking;
 * {@code ExitWatcher} turns exit files into callbacks; {@code AttachClient} speaks conmon's SEQPACKET attach
 * protocol through {@code NativeCalls} (jnr-ffi); {@code K8sLogStream}/{@code LogRotator} read and rotate logs;
 * {@code Recovery} re-adopts and removes orphans. Invariants: paths of a container come only from
 * {@code ContainerPaths}; anything forked closes all of berthd's descriptors; nothing here kills a conmon that
 * is not ours (identified by our exit directory on its command line).
 */
package io.berth.agent.runtime.internal;
