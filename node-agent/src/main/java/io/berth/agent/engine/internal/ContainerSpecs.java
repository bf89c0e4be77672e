package io.berth.agent.engine.internal;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ImagePort.ImageDefaults;
import io.berth.agent.engine.spec.ContainerConfig;
import io.berth.agent.engine.spec.HostConfig;
import io.berth.agent.runtime.CpuLimits;
import io.berth.agent.runtime.LogConfig;
import io.berth.agent.runtime.MountEntry;
import io.berth.agent.runtime.NetworkConfig;
import io.berth.agent.runtime.NetworkMode;
import io.berth.agent.runtime.Resources;
import io.berth.agent.runtime.RuntimeOptions;
import io.berth.agent.runtime.SeccompMode;
import io.berth.agent.runtime.SecurityConfig;
import io.berth.agent.runtime.Ulimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure translations: a user's Config merged with the image's defaults (what Docker stores and {@code inspect}
 * shows), and a stored container turned into the runtime's {@link io.berth.agent.runtime.ContainerConfig}.
 */
public final class ContainerSpecs {
    private ContainerSpecs() {
    }

    /** Docker's merge: env by key (user wins), cmd/entrypoint rules, image labels under the user's. */
    public static ContainerConfig merge(ContainerConfig user, ImageDefaults image, String image_ref, String hostname) {
        boolean userEntrypoint = user.entrypoint() != null;
        List<String> entrypoint = userEntrypoint ? user.entrypoint() : image.entrypoint();
        List<String> cmd = user.cmd() != null && !user.cmd().isEmpty() ? user.cmd()
                : userEntrypoint ? List.of() : image.cmd();
        Map<String, String> labels = new LinkedHashMap<>(image.labels());
        if (user.labels() != null) {
            labels.putAll(user.labels());
        }
        Map<String, Object> volumes = new LinkedHashMap<>(image.volumes());
        if (user.volumes() != null) {
            volumes.putAll(user.volumes());
        }
        Map<String, Object> ports = new LinkedHashMap<>(image.exposedPorts());
        if (user.exposedPorts() != null) {
            ports.putAll(user.exposedPorts());
        }
        return new ContainerConfig(
                empty(user.hostname()) ? hostname : user.hostname(),
                user.domainname() == null ? "" : user.domainname(),
                empty(user.user()) ? image.user() : user.user(),
                bool(user.attachStdin()), bool(user.attachStdout()), bool(user.attachStderr()),
                ports.isEmpty() ? null : ports,
                bool(user.tty()), bool(user.openStdin()), bool(user.stdinOnce()),
                mergeEnv(image.env(), user.env()),
                cmd.isEmpty() ? null : cmd,
                user.healthcheck() != null ? user.healthcheck() : image.healthcheck(),
                image_ref,
                volumes.isEmpty() ? null : volumes,
                empty(user.workingDir()) ? image.workingDir() : user.workingDir(),
                entrypoint == null || entrypoint.isEmpty() ? null : entrypoint,
                labels,
                empty(user.stopSignal()) ? (empty(image.stopSignal()) ? null : image.stopSignal()) : user.stopSignal(),
                user.stopTimeout());
    }

    static List<String> mergeEnv(List<String> image, List<String> user) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (List<String> source : List.of(image == null ? List.<String>of() : image, user == null ? List.<String>of() : user)) {
            for (String entry : source) {
                int eq = entry.indexOf('=');
                byKey.put(eq < 0 ? entry : entry.substring(0, eq), entry);
            }
        }
        return List.copyOf(byKey.values());
    }

    /** The runtime's view of a stored container, with its root file system and prepared mounts. */
    public static io.berth.agent.runtime.ContainerConfig runtimeConfig(ContainerRecord record, Path rootfs,
                                                                     List<MountEntry> mounts) {
        ContainerConfig config = record.config();
        HostConfig host = record.hostConfig();
        List<String> args = new ArrayList<>();
        if (config.entrypoint() != null) {
            args.addAll(config.entrypoint());
        }
        if (config.cmd() != null) {
            args.addAll(config.cmd());
        }
        io.berth.agent.runtime.ContainerConfig.Builder builder = io.berth.agent.runtime.ContainerConfig
                .builder(record.id(), rootfs, args)
                .name(record.name())
                .env(config.env() == null ? List.of() : config.env())
                .workingDir(empty(config.workingDir()) ? "/" : config.workingDir())
                .user(config.user() == null ? "" : config.user())
                .tty(config.isTty())
                .openStdin(config.isOpenStdin())
                .readonlyRootfs(Boolean.TRUE.equals(host.readonlyRootfs()))
                .shmSize(host.shmSize() == null ? 0 : host.shmSize())
                .network(new NetworkConfig(networkMode(host), config.hostname(), config.domainname(),
                        host.extraHosts()))
                .security(security(host))
                .resources(resources(host))
                .options(new RuntimeOptions(Boolean.TRUE.equals(host.init()), config.stopSignal(),
                        host.ulimits() == null ? List.of() : host.ulimits().stream()
                                .map(u -> new Ulimit(u.name(), u.soft(), u.hard())).toList(),
                        host.oomScoreAdj(), host.sysctls(), logConfig(host)));
        mounts.forEach(builder::mount);
        if (config.labels() != null) {
            config.labels().forEach(builder::label);
        }
        return builder.build();
    }

    /** none and host run as asked; bridge (Docker's default) has no network yet: an empty namespace. */
    static NetworkMode networkMode(HostConfig host) {
        String mode = host.networkModeOrDefault();
        return switch (mode) {
            case "host" -> new NetworkMode.Host();
            case "none", "bridge" -> new NetworkMode.None();
            default -> mode.startsWith("/") ? new NetworkMode.Namespace(Path.of(mode)) : new NetworkMode.None();
        };
    }

    static SecurityConfig security(HostConfig host) {
        boolean noNewPrivileges = false;
        SeccompMode seccomp = SeccompMode.DEFAULT;
        for (String option : host.securityOpt() == null ? List.<String>of() : host.securityOpt()) {
            String normalized = option.replace(':', '=');
            if (normalized.equals("no-new-privileges") || normalized.equals("no-new-privileges=true")) {
                noNewPrivileges = true;
            } else if (normalized.equals("no-new-privileges=false")) {
                noNewPrivileges = false;
            } else if (normalized.equals("seccomp=unconfined")) {
                seccomp = SeccompMode.UNCONFINED;
            } else {
                throw new IllegalArgumentException("invalid --security-opt: \"" + option
                        + "\": supported are no-new-privileges[=true|false] and seccomp=unconfined");
            }
        }
        return new SecurityConfig(host.isPrivileged(), host.capAdd(), host.capDrop(), noNewPrivileges, seccomp);
    }

    static Resources resources(HostConfig host) {
        return new Resources(nz(host.memory()), nz(host.memorySwap()),
                new CpuLimits(nz(host.nanoCpus()), nz(host.cpuShares()), host.cpusetCpus()),
                nz(host.pidsLimit()), host.blkioWeight() == null ? 0 : host.blkioWeight());
    }

    static LogConfig logConfig(HostConfig host) {
        if (host.logConfig() == null || host.logConfig().config() == null) {
            return LogConfig.unlimited();
        }
        Map<String, String> options = host.logConfig().config();
        long maxSize = options.containsKey("max-size") ? Sizes.parse(options.get("max-size")) : 0;
        int maxFile = options.containsKey("max-file") ? Integer.parseInt(options.get("max-file")) : 1;
        return new LogConfig(maxSize, maxFile);
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    private static boolean bool(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }
}
