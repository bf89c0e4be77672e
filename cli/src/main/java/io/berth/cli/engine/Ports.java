package io.berth.cli.engine;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Docker's {@code -p} and {@code --expose} values ({@code nat.ParsePortSpecs}): exposed ports and their bindings. */
final class Ports {
    /** {@code ExposedPorts} ({@code {"80/tcp":{}}}) and {@code PortBindings} ({@code {"80/tcp":[{HostIp,HostPort}]}}). */
    record Published(Map<String, Object> exposed, Map<String, Object> bindings) {
    }

    private Ports() {
    }

    static Published parse(List<String> publish, List<String> expose) {
        Map<String, Object> exposed = new LinkedHashMap<>();
        Map<String, Object> bindings = new LinkedHashMap<>();
        for (String e : expose) {
            String[] pp = protoSplit(e);
            int[] range = range(pp[0], e);
            for (int p = range[0]; p <= range[1]; p++) {
                exposed.put(p + "/" + pp[1], Map.of());
            }
        }
        for (String spec : publish) {
            publish(spec, exposed, bindings);
        }
        return new Published(exposed, bindings);
    }

    @SuppressWarnings("unchecked")
    private static void publish(String spec, Map<String, Object> exposed, Map<String, Object> bindings) {
        String[] pp = protoSplit(spec);
        String rest = pp[0];
        String ip = "";
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw bad(spec);
            }
            ip = rest.substring(1, close);
            rest = rest.substring(close + 1);
            rest = rest.startsWith(":") ? rest.substring(1) : rest;
        }
        String[] parts = rest.split(":", -1);
        String hostPort;
        String containerPort;
        switch (parts.length) {
            case 1 -> {
                hostPort = "";
                containerPort = parts[0];
            }
            case 2 -> {
                hostPort = parts[0];
                containerPort = parts[1];
            }
            case 3 -> {
                ip = parts[0];
                hostPort = parts[1];
                containerPort = parts[2];
            }
            default -> throw bad(spec);
        }
        if (containerPort.isEmpty()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, spec, "No port specified: " + spec + "<empty>");
        }
        int[] c = range(containerPort, spec);
        int[] h = hostPort.isEmpty() ? null : range(hostPort, spec);
        int count = c[1] - c[0] + 1;
        if (h != null && h[1] - h[0] + 1 != count && count != 1) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, spec, "Invalid ranges specified for container"
                    + " and host Ports: " + containerPort + " and " + hostPort);
        }
        for (int i = 0; i < count; i++) {
            String key = (c[0] + i) + "/" + pp[1];
            exposed.put(key, Map.of());
            String hp = h == null ? "" : count == 1 && h[1] != h[0] ? h[0] + "-" + h[1] : Integer.toString(h[0] + i);
            Map<String, Object> binding = new LinkedHashMap<>();
            binding.put("HostIp", ip);
            binding.put("HostPort", hp);
            ((List<Object>) bindings.computeIfAbsent(key, k -> new ArrayList<>())).add(binding);
        }
    }

    private static String[] protoSplit(String spec) {
        int slash = spec.lastIndexOf('/');
        if (slash < 0) {
            return new String[] {spec, "tcp"};
        }
        String proto = spec.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
        if (!List.of("tcp", "udp", "sctp").contains(proto)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, spec, "invalid proto: " + proto);
        }
        return new String[] {spec.substring(0, slash), proto};
    }

    private static int[] range(String s, String spec) {
        String[] ends = s.split("-", 2);
        try {
            int lo = Integer.parseInt(ends[0]);
            int hi = ends.length > 1 ? Integer.parseInt(ends[1]) : lo;
            if (lo < 0 || hi > 65535 || hi < lo) {
                throw bad(spec);
            }
            return new int[] {lo, hi};
        } catch (NumberFormatException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, spec, "Invalid containerPort: " + s
                    + " (in '" + spec + "')");
        }
    }

    private static BerthException bad(String spec) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, spec, "Invalid port specification: \"" + spec
                + "\" (use [ip:][hostPort:]containerPort[/proto])");
    }
}
