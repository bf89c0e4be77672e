package io.berth.agent.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the runtime needs to create one container. {@code id} names it everywhere (runtime state, cgroup,
 * directories): letters, digits, {@code _ . -}, at most 64 characters (Berth uses 64 lowercase hex). Labels become
 * OCI annotations. Build one with {@link #builder(String, Path, List)}.
 */
public record ContainerConfig(String id, String name, ProcessConfig process, FilesystemConfig filesystem,
                              HostConfig host, Map<String, String> labels) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public ContainerConfig {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("container id \"" + id
                    + "\" is invalid: use 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        name = name == null ? "" : name;
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(filesystem, "filesystem");
        host = Objects.requireNonNullElse(host, new HostConfig(null, null, null, null));
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static Builder builder(String id, Path rootfs, List<String> args) {
        return new Builder(id, rootfs, args);
    }

    /** A mutable builder with Docker's defaults for everything not set. */
    public static final class Builder {
        private final String id;
        private final Path rootfs;
        private final List<String> args;
        private String name = "";
        private final List<String> env = new ArrayList<>();
        private String workingDir = "/";
        private String user = "";
        private boolean tty;
        private boolean openStdin;
        private boolean readonlyRootfs;
        private final List<MountEntry> mounts = new ArrayList<>();
        private final Map<String, String> tmpfs = new LinkedHashMap<>();
        private long shmSize;
        private NetworkConfig network = NetworkConfig.none();
        private SecurityConfig security = SecurityConfig.defaults();
        private Resources resources = Resources.none();
        private RuntimeOptions options = RuntimeOptions.defaults();
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder(String id, Path rootfs, List<String> args) {
            this.id = id;
            this.rootfs = rootfs;
            this.args = List.copyOf(args);
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder env(String entry) { this.env.add(entry); return this; }
        public Builder env(List<String> entries) { this.env.addAll(entries); return this; }
        public Builder workingDir(String value) { this.workingDir = value; return this; }
        public Builder user(String value) { this.user = value; return this; }
        public Builder tty(boolean value) { this.tty = value; return this; }
        public Builder openStdin(boolean value) { this.openStdin = value; return this; }
        public Builder readonlyRootfs(boolean value) { this.readonlyRootfs = value; return this; }
        public Builder mount(MountEntry value) { this.mounts.add(value); return this; }
        public Builder tmpfs(String destination, String options) { this.tmpfs.put(destination, options); return this; }
        public Builder shmSize(long bytes) { this.shmSize = bytes; return this; }
        public Builder network(NetworkConfig value) { this.network = value; return this; }
        public Builder security(SecurityConfig value) { this.security = value; return this; }
        public Builder resources(Resources value) { this.resources = value; return this; }
        public Builder options(RuntimeOptions value) { this.options = value; return this; }
        public Builder label(String key, String value) { this.labels.put(key, value); return this; }

        public ContainerConfig build() {
            return new ContainerConfig(id, name,
                    new ProcessConfig(args, env, workingDir, user, tty, openStdin),
                    new FilesystemConfig(rootfs, readonlyRootfs, mounts, tmpfs, shmSize),
                    new HostConfig(network, security, resources, options), labels);
        }
    }
}
