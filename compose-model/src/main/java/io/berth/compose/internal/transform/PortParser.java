package io.berth.compose.internal.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses the short port syntax {@code [ip:][host:]container[/proto]} with ranges, into long-syntax maps, as
 * docker's port-spec parser does (entries come out ordered by {@code "port/proto"} as text, like compose).
 */
public final class PortParser {
    private PortParser() {
    }

    /** @throws IllegalArgumentException with docker's wording when the spec is invalid */
    public static List<Map<String, Object>> parse(String raw) {
        String[] split = splitParts(raw);
        String ip = split[0];
        String hostPort = split[1];
        String[] protoPort = splitProtoPort(split[2]);
        String proto = protoPort[0];
        String containerPort = protoPort[1];
        if (!ip.isEmpty() && ip.charAt(0) == '[') {
            if (!ip.endsWith("]")) {
                throw new IllegalArgumentException("invalid IP address " + ip);
            }
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!ip.isEmpty() && !IpAddresses.isValid(ip)) {
            throw new IllegalArgumentException("invalid IP address: " + ip);
        }
        if (containerPort.isEmpty()) {
            throw new IllegalArgumentException("no port specified: " + raw + "<empty>");
        }
        long[] c;
        try {
            c = parseRange(containerPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid containerPort: " + containerPort);
        }
        long[] h = {0, 0};
        if (!hostPort.isEmpty()) {
            try {
                h = parseRange(hostPort);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid hostPort: " + hostPort);
            }
        }
        if (!hostPort.isEmpty() && (c[1] - c[0]) != (h[1] - h[0]) && c[1] != c[0]) {
            throw new IllegalArgumentException("invalid ranges specified for container and host Ports: "
                    + containerPort + " and " + hostPort);
        }
        String lproto = proto.toLowerCase(java.util.Locale.ROOT);
        if (!lproto.equals("tcp") && !lproto.equals("udp") && !lproto.equals("sctp")) {
            throw new IllegalArgumentException("invalid proto: " + proto);
        }
        Map<String, List<String[]>> bindings = new LinkedHashMap<>();
        for (long i = 0; i <= c[1] - c[0]; i++) {
            String cp = Long.toString(c[0] + i);
            String hp = hostPort;
            if (!hostPort.isEmpty()) {
                hp = Long.toString(h[0] + i);
            }
            if (c[0] == c[1] && h[0] != h[1]) {
                hp = hp + "-" + h[1];
            }
            bindings.computeIfAbsent(cp + "/" + lproto, k -> new ArrayList<>()).add(new String[] {ip, hp});
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : new TreeMap<>(bindings).entrySet()) {
            String[] pp = e.getKey().split("/");
            for (String[] b : e.getValue()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("mode", "ingress");
                if (!b[0].isEmpty()) {
                    m.put("host_ip", b[0]);
                }
                m.put("target", Long.parseLong(pp[0]));
                if (!b[1].isEmpty()) {
                    m.put("published", b[1]);
                }
                m.put("protocol", pp[1]);
                out.add(m);
            }
        }
        return out;
    }

    private static String[] splitParts(String raw) {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String container = parts[n - 1];
        return switch (n) {
            case 1 -> new String[] {"", "", container};
            case 2 -> new String[] {"", parts[0], container};
            case 3 -> new String[] {parts[0], parts[1], container};
            default -> new String[] {String.join(":", java.util.Arrays.copyOf(parts, n - 2)), parts[n - 2],
                    container};
        };
    }

    private static String[] splitProtoPort(String raw) {
        String[] parts = raw.split("/", -1);
        if (raw.isEmpty() || parts[0].isEmpty()) {
            return new String[] {"", ""};
        }
        if (parts.length == 1) {
            return new String[] {"tcp", raw};
        }
        if (parts[1].isEmpty()) {
            return new String[] {"tcp", parts[0]};
        }
        return new String[] {parts[1], parts[0]};
    }

    static long[] parseRange(String ports) {
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("empty string specified for ports");
        }
        int dash = ports.indexOf('-');
        if (dash < 0) {
            long p = parsePort(ports);
            return new long[] {p, p};
        }
        long start = parsePort(ports.substring(0, dash));
        long end = parsePort(ports.substring(dash + 1));
        if (end < start) {
            throw new IllegalArgumentException("invalid range specified for port: " + ports);
        }
        return new long[] {start, end};
    }

    private static long parsePort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("invalid port " + s);
        }
        long v = Long.parseLong(s);
        if (v > 65535) {
            throw new IllegalArgumentException("invalid port " + s);
        }
        return v;
    }
}
