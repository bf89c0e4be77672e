package io.berth.cli.engine;

import io.berth.cli.format.TimeArgs;
import io.berth.cli.format.Units;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * Docker's {@code run}/{@code create} flags turned into the body of {@code POST /containers/create}, in the field
 * order of Docker's {@code Config} and {@code HostConfig}; fields left at their zero value are not sent.
 *
 * @param name   {@code --name}, or null
 * @param image  the image reference as typed
 * @param body   the create body
 * @param pull   {@code --pull}: always, missing or never
 */
record CreateRequest(String name, String image, Map<String, Object> body, String pull) {

    /** Reads the flags of {@code args}; {@code env} answers {@code -e NAME} without a value, {@code cwd} relative paths. */
    static CreateRequest of(ParseResult args, Map<String, String> env, Path cwd) {
        return new Builder(args, env, cwd).build();
    }

    boolean tty() {
        return Boolean.TRUE.equals(body.get("Tty"));
    }

    boolean attachStdin() {
        return Boolean.TRUE.equals(body.get("AttachStdin"));
    }

    boolean autoRemove() {
        return Boolean.TRUE.equals(hostConfig().get("AutoRemove"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> hostConfig() {
        return (Map<String, Object>) body.getOrDefault("HostConfig", Map.of());
    }

    private static final class Builder {
        private final ParseResult args;
        private final Map<String, String> env;
        private final Path cwd;
        private final Map<String, Object> config = new LinkedHashMap<>();
        private final Map<String, Object> host = new LinkedHashMap<>();

        Builder(ParseResult args, Map<String, String> env, Path cwd) {
            this.args = args;
            this.env = env;
            this.cwd = cwd;
        }

        CreateRequest build() {
            List<String> positional = args.matchedPositionalValue(0, List.of());
            String image = positional.get(0);
            boolean detach = flag("--detach");
            boolean interactive = flag("--interactive");
            List<String> attach = list("--attach");
            if (detach && !attach.isEmpty()) {
                throw invalid("--attach", "Conflicting options: -a and -d");
            }
            boolean stdin = attach.isEmpty() ? interactive && !detach : attach.contains("stdin");
            boolean stdout = attach.isEmpty() ? !detach : attach.contains("stdout");
            boolean stderr = attach.isEmpty() ? !detach : attach.contains("stderr");
            boolean run = args.commandSpec().name().equals("run");
            put(config, "Hostname", value("--hostname"));
            put(config, "Domainname", value("--domainname"));
            put(config, "User", value("--user"));
            config.put("AttachStdin", stdin);
            config.put("AttachStdout", stdout);
            config.put("AttachStderr", stderr);
            Ports.Published ports = Ports.parse(list("--publish"), list("--expose"));
            put(config, "ExposedPorts", ports.exposed());
            config.put("Tty", flag("--tty"));
            config.put("OpenStdin", interactive);
            config.put("StdinOnce", run && interactive && stdin && !detach);
            put(config, "Env", environment());
            put(config, "Cmd", positional.size() > 1 ? List.copyOf(positional.subList(1, positional.size())) : null);
            put(config, "Healthcheck", healthcheck());
            config.put("Image", image);
            volumesAndBinds();
            put(config, "WorkingDir", value("--workdir"));
            entrypoint();
            put(config, "Labels", labels());
            put(config, "StopSignal", value("--stop-signal"));
            put(config, "StopTimeout", args.matchedOptionValue("--stop-timeout", null));
            hostConfig(ports);
            config.put("HostConfig", host);
            String pull = value("--pull") == null ? "missing" : value("--pull");
            if (!List.of("always", "missing", "never").contains(pull)) {
                throw invalid("--pull", "invalid pull option: '" + pull + "': must be one of \"always\", \"missing\""
                        + " or \"never\"");
            }
            return new CreateRequest(value("--name"), image, config, pull);
        }

        private void hostConfig(Ports.Published ports) {
            if (hostBinds != null && !hostBinds.isEmpty()) {
                host.put("Binds", hostBinds);
            }
            put(host, "NetworkMode", value("--network") == null ? "default" : value("--network"));
            put(host, "PortBindings", ports.bindings());
            host.put("RestartPolicy", HostValues.restartPolicy(value("--restart"), flag("--rm")));
            host.put("AutoRemove", flag("--rm"));
            put(host, "Mounts", Mounts.parse(list("--mount"), cwd));
            put(host, "CapAdd", list("--cap-add"));
            put(host, "CapDrop", list("--cap-drop"));
            put(host, "Dns", list("--dns"));
            put(host, "DnsOptions", list("--dns-option"));
            put(host, "DnsSearch", list("--dns-search"));
            put(host, "ExtraHosts", list("--add-host"));
            if (flag("--privileged")) {
                host.put("Privileged", true);
            }
            if (flag("--publish-all")) {
                host.put("PublishAllPorts", true);
            }
            if (flag("--read-only")) {
                host.put("ReadonlyRootfs", true);
            }
            put(host, "SecurityOpt", HostValues.securityOpts(list("--security-opt"), cwd));
            put(host, "Tmpfs", tmpfs());
            if (flag("--init")) {
                host.put("Init", true);
            }
            put(host, "LogConfig", logConfig());
            put(host, "Sysctls", keyValues("--sysctl"));
            resources();
        }

        private void resources() {
            put(host, "Memory", bytes("--memory"));
            String swap = value("--memory-swap");
            put(host, "MemorySwap", swap == null ? null : swap.equals("-1") ? -1L : bytesOf("--memory-swap", swap));
            String cpus = value("--cpus");
            if (cpus != null) {
                try {
                    host.put("NanoCpus", new java.math.BigDecimal(cpus).movePointRight(9).longValueExact());
                } catch (ArithmeticException | NumberFormatException e) {
                    throw invalid("--cpus", "invalid argument \"" + cpus + "\" for \"--cpus\" flag: failed to parse "
                            + cpus + " as a rational number");
                }
            }
            put(host, "CpuShares", args.matchedOptionValue("--cpu-shares", null));
            put(host, "CpusetCpus", value("--cpuset-cpus"));
            Integer pids = args.matchedOptionValue("--pids-limit", null);
            put(host, "PidsLimit", pids == null ? null : pids.longValue());
            put(host, "BlkioWeight", args.matchedOptionValue("--blkio-weight", null));
            put(host, "ShmSize", bytes("--shm-size"));
            put(host, "Ulimits", HostValues.ulimits(list("--ulimit")));
        }

        private List<String> hostBinds;

        private void volumesAndBinds() {
            Map<String, Object> volumes = new LinkedHashMap<>();
            List<String> binds = new ArrayList<>();
            for (String v : list("--volume")) {
                String[] parts = Mounts.splitVolume(v);
                if (parts.length == 1) {
                    volumes.put(parts[0], Map.of());
                } else {
                    String source = parts[0];
                    if (source.startsWith(".") || source.startsWith("~")) {
                        source = source.startsWith("~") ? env.getOrDefault("HOME", "/root") + source.substring(1)
                                : cwd.resolve(source).normalize().toString();
                    }
                    parts[0] = source;
                    binds.add(String.join(":", parts));
                }
            }
            put(config, "Volumes", volumes);
            hostBinds = binds;
        }

        private void entrypoint() {
            String ep = value("--entrypoint");
            if (ep != null) {
                config.put("Entrypoint", ep.isEmpty() ? List.of("") : List.of(ep));
            }
        }

        private List<String> environment() {
            List<String> out = new ArrayList<>();
            for (String file : list("--env-file")) {
                out.addAll(EnvFiles.read(cwd.resolve(file), env, true));
            }
            for (String e : list("--env")) {
                out.addAll(EnvFiles.variable(e, env));
            }
            return out;
        }

        private Map<String, Object> labels() {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String file : list("--label-file")) {
                for (String l : EnvFiles.read(cwd.resolve(file), Map.of(), false)) {
                    int eq = l.indexOf('=');
                    out.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
                }
            }
            for (String l : list("--label")) {
                int eq = l.indexOf('=');
                out.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
            }
            return out;
        }

        private Map<String, Object> healthcheck() {
            Map<String, Object> h = new LinkedHashMap<>();
            if (flag("--no-healthcheck")) {
                if (value("--health-cmd") != null || value("--health-interval") != null
                        || value("--health-timeout") != null || args.hasMatchedOption("--health-retries")
                        || value("--health-start-period") != null) {
                    throw invalid("--no-healthcheck", "--no-healthcheck conflicts with --health-* options");
                }
                h.put("Test", List.of("NONE"));
                return h;
            }
            if (value("--health-cmd") != null) {
                h.put("Test", List.of("CMD-SHELL", value("--health-cmd")));
            }
            put(h, "Interval", duration("--health-interval"));
            put(h, "Timeout", duration("--health-timeout"));
            put(h, "StartPeriod", duration("--health-start-period"));
            put(h, "StartInterval", duration("--health-start-interval"));
            Integer retries = args.matchedOptionValue("--health-retries", null);
            if (retries != null) {
                if (retries < 0) {
                    throw invalid("--health-retries", "--health-retries cannot be negative");
                }
                h.put("Retries", retries);
            }
            return h;
        }

        private Long duration(String flag) {
            String v = value(flag);
            if (v == null) {
                return null;
            }
            Long ns = TimeArgs.durationNanos(v);
            if (ns == null || ns < 0) {
                throw invalid(flag, "invalid argument \"" + v + "\" for \"" + flag + "\" flag: time: invalid duration"
                        + " \"" + v + "\" (use 30s, 1m30s, 500ms...)");
            }
            return ns;
        }

        private Map<String, Object> tmpfs() {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String t : list("--tmpfs")) {
                int colon = t.indexOf(':');
                out.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
            }
            return out;
        }

        private Map<String, Object> logConfig() {
            String driver = value("--log-driver");
            Map<String, Object> opts = keyValues("--log-opt");
            if (driver == null && opts.isEmpty()) {
                return null;
            }
            Map<String, Object> lc = new LinkedHashMap<>();
            lc.put("Type", driver == null ? "" : driver);
            lc.put("Config", opts);
            return lc;
        }

        private Map<String, Object> keyValues(String flag) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String kv : list(flag)) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw invalid(flag, "invalid argument \"" + kv + "\" for \"" + flag + "\": expected key=value");
                }
                out.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            return out;
        }

        private Long bytes(String flag) {
            String v = value(flag);
            return v == null ? null : bytesOf(flag, v);
        }

        private Long bytesOf(String flag, String v) {
            try {
                return Units.ramInBytes(v);
            } catch (IllegalArgumentException e) {
                throw invalid(flag, "invalid argument \"" + v + "\" for \"" + flag + "\" flag: invalid size: '" + v
                        + "' (use 512m, 1g...)");
            }
        }

        private boolean flag(String name) {
            return args.hasMatchedOption(name) && !Boolean.FALSE.equals(args.matchedOptionValue(name, null));
        }

        private String value(String name) {
            return args.hasMatchedOption(name) ? args.matchedOptionValue(name, null) : null;
        }

        private List<String> list(String name) {
            return args.matchedOptionValue(name, List.of());
        }

        private static void put(Map<String, Object> m, String key, Object value) {
            if (value == null || (value instanceof Map<?, ?> x && x.isEmpty())
                    || (value instanceof List<?> l && l.isEmpty()) || (value instanceof String s && s.isEmpty())) {
                return;
            }
            m.put(key, value);
        }

        private static BerthException invalid(String object, String message) {
            return new BerthException(ErrorCategory.INVALID_ARGUMENT, object, message);
        }
    }
}
