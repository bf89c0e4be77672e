package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.transform.IpAddresses;
import io.berth.compose.internal.tree.Trees;

import java.util.List;
import java.util.Map;

/**
 * Checks the schema cannot express, run on the merged tree: external resources with other attributes, secrets
 * and configs with exactly one source, host IPs of ports, develop.watch paths, device requests with both
 * count and device_ids.
 */
final class Checks {
    private Checks() {
    }

    static void validate(Map<String, Object> dict) {
        section(dict, "volumes", (name, v) -> external(v, "volumes." + name));
        section(dict, "networks", (name, v) -> {
        });
        section(dict, "configs", (name, v) -> fileObject(v, "configs." + name, "file", "environment", "content"));
        section(dict, "secrets", (name, v) -> fileObject(v, "secrets." + name, "file", "environment"));
        Map<String, Object> services = FileLoader.services(dict);
        if (services == null) {
            return;
        }
        services.forEach((name, s) -> {
            if (!(s instanceof Map<?, ?> svc)) {
                return;
            }
            String p = "services." + name;
            eachMap(svc.get("ports"), (i, port) -> {
                Object ip = port.get("host_ip");
                if (ip != null && !IpAddresses.isValid(ip.toString())) {
                    throw new ComposeException(p + ".ports." + i, p + ".ports." + i + ": invalid ip address: " + ip);
                }
            });
            if (svc.get("develop") instanceof Map<?, ?> dev) {
                eachMap(dev.get("watch"), (i, w) -> {
                    if ("".equals(w.get("path"))) {
                        throw new ComposeException(p, p + ".develop.watch." + i + ".path: value can't be blank");
                    }
                });
            }
            eachMap(svc.get("gpus"), (i, d) -> deviceRequest(d, p + ".gpus." + i));
            if (svc.get("deploy") instanceof Map<?, ?> dep && dep.get("resources") instanceof Map<?, ?> r
                    && r.get("reservations") instanceof Map<?, ?> res) {
                eachMap(res.get("devices"), (i, d) -> deviceRequest(d, p + ".deploy.resources.reservations.devices."
                        + i));
            }
        });
    }

    private static void deviceRequest(Map<?, ?> d, String p) {
        if (d.containsKey("count") && d.containsKey("device_ids")) {
            throw new ComposeException(p, p + ": \"count\" and \"device_ids\" attributes are exclusive");
        }
    }

    private static void external(Object value, String p) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> v)) {
            throw new ComposeException(p, "expected volume, got " + Trees.sprint(value));
        }
        if (!Boolean.TRUE.equals(v.get("external"))) {
            return;
        }
        for (Object k : v.keySet()) {
            String key = (String) k;
            if (!key.equals("name") && !key.equals("external") && !key.startsWith("x-")) {
                throw new ComposeException(p, p + ": conflicting parameters \"external\" and \"" + key
                        + "\" specified");
            }
        }
    }

    private static void fileObject(Object value, String p, String... keys) {
        if (!(value instanceof Map<?, ?> v)) {
            return;
        }
        int count = 0;
        for (String k : keys) {
            if (v.containsKey(k)) {
                count++;
            }
        }
        if (count > 1) {
            throw new ComposeException(p, p + ": " + String.join("|", keys) + " attributes are mutually exclusive");
        }
        if (count == 0 && !v.containsKey("driver") && !v.containsKey("external")) {
            throw new ComposeException(p, p + ": one of " + String.join("|", keys) + " must be set");
        }
    }

    private interface Entry {
        void check(String name, Object value);
    }

    private static void section(Map<String, Object> dict, String key, Entry fn) {
        if (dict.get(key) instanceof Map<?, ?> m) {
            Trees.map(m).forEach(fn::check);
        }
    }

    private interface Item {
        void check(int index, Map<?, ?> value);
    }

    private static void eachMap(Object list, Item fn) {
        if (list instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map<?, ?> m) {
                    fn.check(i, m);
                }
            }
        }
    }
}
