package io.berth.compose.internal.model;

import static io.berth.compose.internal.model.Kinds.BOOL;
import static io.berth.compose.internal.model.Kinds.BOOL_KEEP;
import static io.berth.compose.internal.model.Kinds.BYTES;
import static io.berth.compose.internal.model.Kinds.COMMAND;
import static io.berth.compose.internal.model.Kinds.DEVICE_COUNT;
import static io.berth.compose.internal.model.Kinds.DURATION;
import static io.berth.compose.internal.model.Kinds.FILEMODE;
import static io.berth.compose.internal.model.Kinds.FLOAT;
import static io.berth.compose.internal.model.Kinds.HEALTH_TEST;
import static io.berth.compose.internal.model.Kinds.HOSTS;
import static io.berth.compose.internal.model.Kinds.INT;
import static io.berth.compose.internal.model.Kinds.INT_KEEP;
import static io.berth.compose.internal.model.Kinds.MAPPING;
import static io.berth.compose.internal.model.Kinds.MAPPING_EQ;
import static io.berth.compose.internal.model.Kinds.MULTI_OPTIONS;
import static io.berth.compose.internal.model.Kinds.PBOOL;
import static io.berth.compose.internal.model.Kinds.PDURATION;
import static io.berth.compose.internal.model.Kinds.PINT;
import static io.berth.compose.internal.model.Kinds.SSH;
import static io.berth.compose.internal.model.Kinds.STR;
import static io.berth.compose.internal.model.Kinds.STRING_OR_LIST;
import static io.berth.compose.internal.model.Kinds.STR_KEEP;
import static io.berth.compose.internal.model.Kinds.STR_LIST;
import static io.berth.compose.internal.model.Kinds.STR_OR_NUM_LIST;
import static io.berth.compose.internal.model.Kinds.ULIMIT;
import static io.berth.compose.internal.model.Kinds.list;
import static io.berth.compose.internal.model.Kinds.map;

import io.berth.compose.internal.model.StructKind.Presence;

/**
 * The compose model's types, field by field in compose-go's declared order, so that decoding the canonical
 * tree through them prints what {@code docker compose config} prints.
 */
final class ModelTypes {
    private ModelTypes() {
    }

    /** OptOut (env_file.required, bind.create_host_path): printed only when false. */
    static final Kind OPT_OUT = (v, p, o) -> Kinds.toBool(v, p) ? Kind.OMIT : Boolean.FALSE;

    static final StructKind FILE_REF = new StructKind()
            .f("source", STR).f("target", STR).f("uid", STR).f("gid", STR).f("mode", FILEMODE);

    static final StructKind DEVICE_REQUEST = new StructKind()
            .f("capabilities", STR_LIST).f("driver", STR).f("count", DEVICE_COUNT).f("device_ids", STR_LIST)
            .f("options", MAPPING);


    static final StructKind SERVICE_HOOK = new StructKind()
            .f("command", COMMAND, Presence.NULL_IN_JSON).f("image", STR).f("user", STR).f("privileged", BOOL)
            .f("working_dir", STR).f("environment", MAPPING_EQ).f("per_replica", BOOL);

    static final StructKind BUILD = new StructKind()
            .f("context", STR).f("dockerfile", STR).f("dockerfile_inline", STR).f("entitlements", STR_LIST)
            .f("args", MAPPING_EQ).f("provenance", STR).f("sbom", STR).f("ssh", SSH).f("labels", MAPPING)
            .f("cache_from", STRING_OR_LIST).f("cache_to", STRING_OR_LIST).f("no_cache", BOOL)
            .f("no_cache_filter", STRING_OR_LIST).f("additional_contexts", MAPPING).f("pull", BOOL)
            .f("extra_hosts", HOSTS).f("isolation", STR).f("network", STR).f("target", STR)
            .f("secrets", list(FILE_REF, true)).f("shm_size", BYTES).f("tags", STRING_OR_LIST)
            .f("ulimits", map(ULIMIT, false)).f("platforms", STRING_OR_LIST).f("privileged", BOOL);

    static final StructKind TRIGGER = new StructKind()
            .f("path", STR_KEEP).f("action", STR_KEEP).f("target", STR).f("exec", SERVICE_HOOK, Presence.ZERO_IN_JSON)
            .f("include", STRING_OR_LIST).f("ignore", STRING_OR_LIST).f("initial_sync", BOOL);

    static final StructKind DEVELOP = new StructKind().f("watch", list(TRIGGER, true));

    static final StructKind THROTTLE = new StructKind().f("path", STR).f("rate", BYTES);
    static final StructKind WEIGHT_DEVICE = new StructKind().f("path", STR).f("weight", INT);

    static final StructKind BLKIO = new StructKind()
            .f("weight", INT).f("weight_device", list(WEIGHT_DEVICE, true))
            .f("device_read_bps", list(THROTTLE, true)).f("device_read_iops", list(THROTTLE, true))
            .f("device_write_bps", list(THROTTLE, true)).f("device_write_iops", list(THROTTLE, true));

    static final StructKind CREDENTIAL_SPEC = new StructKind().f("config", STR).f("file", STR).f("registry", STR);

    static final StructKind DEPENDENCY = new StructKind()
            .f("condition", STR).f("restart", BOOL).f("required", BOOL_KEEP, Presence.NULL_IN_JSON);

    static final StructKind UPDATE_CONFIG = new StructKind()
            .f("parallelism", PINT).f("delay", DURATION).f("failure_action", STR).f("monitor", DURATION)
            .f("max_failure_ratio", FLOAT).f("order", STR);

    static final StructKind DISCRETE = new StructKind().f("kind", STR_KEEP).f("value", INT_KEEP);
    static final StructKind GENERIC_RESOURCE = new StructKind().f("discrete_resource_spec", DISCRETE);

    static final StructKind RESOURCE = new StructKind()
            .f("cpus", FLOAT).f("memory", BYTES).f("pids", INT).f("devices", list(DEVICE_REQUEST, true))
            .f("generic_resources", list(GENERIC_RESOURCE, true));

    static final StructKind RESOURCES = new StructKind(true).f("limits", RESOURCE).f("reservations", RESOURCE);

    static final StructKind RESTART_POLICY = new StructKind()
            .f("condition", STR).f("delay", PDURATION).f("max_attempts", PINT).f("window", PDURATION);

    static final StructKind PLACEMENT = new StructKind(true)
            .f("constraints", STR_LIST).f("preferences", list(new StructKind().f("spread", STR), true))
            .f("max_replicas_per_node", INT);

    static final StructKind DEPLOY = new StructKind()
            .f("mode", STR).f("replicas", PINT).f("labels", MAPPING).f("update_config", UPDATE_CONFIG)
            .f("rollback_config", UPDATE_CONFIG).f("resources", RESOURCES, Presence.EMPTY_IN_JSON)
            .f("restart_policy", RESTART_POLICY).f("placement", PLACEMENT, Presence.EMPTY_IN_JSON)
            .f("endpoint_mode", STR);

    static final StructKind DEVICE_MAPPING = new StructKind().f("source", STR).f("target", STR)
            .f("permissions", STR);

    static final StructKind PROVIDER = new StructKind().f("type", STR).f("options", MULTI_OPTIONS);

    static final StructKind ENV_FILE = new StructKind().f("path", STR).f("required", OPT_OUT).f("format", STR);

    static final StructKind EXTENDS = new StructKind().f("file", STR).f("service", STR);

    static final StructKind HEALTHCHECK = new StructKind()
            .f("test", HEALTH_TEST).f("timeout", PDURATION).f("interval", PDURATION).f("retries", PINT)
            .f("start_period", PDURATION).f("start_interval", PDURATION).f("disable", BOOL);

    static final StructKind LOGGING = new StructKind().f("driver", STR).f("options", MAPPING);

    static final StructKind SERVICE_MODEL = new StructKind().f("endpoint_var", STR).f("model_var", STR);

    static final StructKind SERVICE_NETWORK = new StructKind()
            .f("aliases", STR_LIST).f("driver_opts", MAPPING).f("gw_priority", INT).f("interface_name", STR)
            .f("ipv4_address", STR).f("ipv6_address", STR).f("link_local_ips", STR_LIST).f("mac_address", STR)
            .f("priority", INT);

    static final StructKind PORT = new StructKind()
            .f("name", STR).f("mode", STR).f("host_ip", STR).f("target", INT).f("published", STR)
            .f("protocol", STR).f("app_protocol", STR);

    static final StructKind VOLUME_BIND = new StructKind()
            .f("selinux", STR).f("propagation", STR).f("create_host_path", OPT_OUT).f("recursive", STR);
    static final StructKind VOLUME_VOLUME = new StructKind().f("labels", MAPPING).f("nocopy", BOOL)
            .f("subpath", STR);
    static final StructKind VOLUME_TMPFS = new StructKind().f("size", BYTES).f("mode", INT);
    static final StructKind VOLUME_IMAGE = new StructKind().f("subpath", STR);

    static final StructKind SERVICE_VOLUME = new StructKind()
            .f("type", STR).f("source", STR).f("target", STR).f("read_only", BOOL).f("consistency", STR)
            .f("bind", VOLUME_BIND).f("volume", VOLUME_VOLUME).f("tmpfs", VOLUME_TMPFS).f("image", VOLUME_IMAGE);

    static final StructKind SERVICE = new StructKind()
            .f("profiles", STR_LIST).f("annotations", MAPPING).f("attach", PBOOL).f("build", BUILD)
            .f("develop", DEVELOP).f("blkio_config", BLKIO).f("cap_add", STR_LIST).f("cap_drop", STR_LIST)
            .f("cgroup_parent", STR).f("cgroup", STR).f("cpu_count", INT).f("cpu_percent", FLOAT)
            .f("cpu_period", INT).f("cpu_quota", INT).f("cpu_rt_period", INT).f("cpu_rt_runtime", INT)
            .f("cpus", FLOAT).f("cpuset", STR).f("cpu_shares", INT)
            .f("command", COMMAND, Presence.NULL_IN_JSON)
            .f("configs", list(FILE_REF, true)).f("container_name", STR).f("credential_spec", CREDENTIAL_SPEC)
            .f("depends_on", map(DEPENDENCY, false)).f("deploy", DEPLOY).f("device_cgroup_rules", STR_LIST)
            .f("devices", list(DEVICE_MAPPING, true)).f("dns", STRING_OR_LIST).f("dns_opt", STR_LIST)
            .f("dns_search", STRING_OR_LIST).f("dockerfile", STR).f("domainname", STR)
            .f("entrypoint", COMMAND, Presence.NULL_IN_JSON)
            .f("provider", PROVIDER).f("environment", MAPPING_EQ).f("env_file", list(ENV_FILE, true))
            .f("expose", STR_OR_NUM_LIST).f("extends", EXTENDS).f("external_links", STR_LIST)
            .f("extra_hosts", HOSTS).f("group_add", STR_OR_NUM_LIST).f("gpus", list(DEVICE_REQUEST, true))
            .f("hostname", STR).f("healthcheck", HEALTHCHECK).f("image", STR).f("init", PBOOL).f("ipc", STR)
            .f("isolation", STR).f("labels", MAPPING).f("label_file", STRING_OR_LIST).f("links", STR_LIST)
            .f("logging", LOGGING).f("log_driver", STR).f("log_opt", MAPPING).f("mem_limit", BYTES)
            .f("mem_reservation", BYTES).f("memswap_limit", BYTES).f("mem_swappiness", BYTES)
            .f("mac_address", STR).f("models", map(SERVICE_MODEL, true)).f("net", STR).f("network_mode", STR)
            .f("networks", map(SERVICE_NETWORK, true)).f("oom_kill_disable", BOOL).f("oom_score_adj", INT)
            .f("pid", STR).f("pids_limit", INT).f("platform", STR).f("ports", list(PORT, true))
            .f("privileged", BOOL).f("pull_policy", STR).f("read_only", BOOL).f("restart", STR)
            .f("runtime", STR).f("scale", PINT).f("secrets", list(FILE_REF, true)).f("security_opt", STR_LIST)
            .f("shm_size", BYTES).f("stdin_open", BOOL).f("stop_grace_period", PDURATION).f("stop_signal", STR)
            .f("storage_opt", MAPPING).f("sysctls", MAPPING).f("tmpfs", STRING_OR_LIST).f("tty", BOOL)
            .f("ulimits", map(ULIMIT, false)).f("use_api_socket", BOOL).f("user", STR).f("userns_mode", STR)
            .f("uts", STR).f("volume_driver", STR).f("volumes", list(SERVICE_VOLUME, true))
            .f("volumes_from", STR_LIST).f("working_dir", STR).f("pre_start", list(SERVICE_HOOK, true))
            .f("post_start", list(SERVICE_HOOK, true)).f("pre_stop", list(SERVICE_HOOK, true));

    static final StructKind IPAM_POOL = new StructKind()
            .f("subnet", STR).f("gateway", STR).f("ip_range", STR).f("aux_addresses", MAPPING);

    static final StructKind IPAM = new StructKind(true)
            .f("driver", STR).f("config", list(IPAM_POOL, true)).f("options", MAPPING);

    static final StructKind NETWORK = new StructKind(true)
            .f("name", STR).f("driver", STR).f("driver_opts", MAPPING).f("ipam", IPAM, Presence.EMPTY_IN_JSON)
            .f("external", BOOL).f("internal", BOOL).f("attachable", BOOL).f("labels", MAPPING)
            .f("enable_ipv4", PBOOL).f("enable_ipv6", PBOOL);

    static final StructKind VOLUME = new StructKind(true)
            .f("name", STR).f("driver", STR).f("driver_opts", MAPPING).f("external", BOOL).f("labels", MAPPING);

    static final StructKind SECRET = new StructKind(true)
            .f("name", STR).f("file", STR).f("environment", STR).f("external", BOOL).f("labels", MAPPING)
            .f("driver", STR).f("driver_opts", MAPPING).f("template_driver", STR);

    static final StructKind CONFIG = new StructKind(true)
            .f("name", STR).f("file", STR).f("environment", STR).f("content", STR).f("external", BOOL)
            .f("labels", MAPPING).f("driver", STR).f("driver_opts", MAPPING).f("template_driver", STR);

    static final StructKind MODEL = new StructKind(true)
            .f("name", STR).f("model", STR).f("context_size", INT).f("runtime_flags", STR_LIST);
}
