package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.NetworkConfig;
import io.berth.agent.runtime.NetworkMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of a container's {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname}, as Docker
 * writes them into the container directory and bind-mounts them: host mode copies the host's files; other modes
 * get Docker's default hosts file and the host's resolvers without loopback ones ({@code none}: no nameserver at
 * all, only search and options, since there is no network to reach one).
 */
final class EtcFiles {
    static final String DEFAULT_HOSTS = """
            127.0.0.1\tlocalhost
            ::1\tlocalhost ip6-localhost ip6-loopback
            fe00::0\tip6-localnet
            ff00::0\tip6-mcastprefix
            ff02::1\tip6-allnodes
            ff02::2\tip6-allrouters
            """;

    private EtcFiles() {
    }

    static String hosts(NetworkConfig network, String hostHosts) {
        StringBuilder sb = new StringBuilder(network.mode() instanceof NetworkMode.Host ? hostHosts : DEFAULT_HOSTS);
        if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        for (String extra : network.extraHosts()) {
            int colon = extra.indexOf(':');
            sb.append(extra.substring(colon + 1)).append('\t').append(extra, 0, colon).append('\n');
        }
        return sb.toString();
    }

    static String resolvConf(NetworkMode mode, String hostResolv) {
        if (mode instanceof NetworkMode.Host) {
            return hostResolv;
        }
        List<String> out = new ArrayList<>();
        List<String> nameservers = new ArrayList<>();
        for (String line : hostResolv.split("\n")) {
            String t = line.strip();
            if (t.startsWith("nameserver")) {
                String addr = t.substring("nameserver".length()).strip();
                if (!addr.startsWith("127.") && !addr.equals("::1")) {
                    nameservers.add("nameserver " + addr);
                }
            } else if (t.startsWith("search") || t.startsWith("options") || t.startsWith("domain")) {
                out.add(t);
            }
        }
        if (mode instanceof NetworkMode.Namespace) {
            if (nameservers.isEmpty()) {
                nameservers = List.of("nameserver 8.8.8.8", "nameserver 8.8.4.4");
            }
            out.addAll(0, nameservers);
        }
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    static String hostname(String hostname) {
        return hostname + "\n";
    }
}
