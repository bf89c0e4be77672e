package io.berth.agent.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Network identity of a container: the mode, hostname (empty: the first 12 characters of the id, or the host's
 * name for {@code host} mode, as Docker does), domain name, and {@code extraHosts} as {@code name:address} entries
 * appended to {@code /etc/hosts} (Docker's {@code --add-host}).
 */
public record NetworkConfig(NetworkMode mode, String hostname, String domainname, List<String> extraHosts) {
    public NetworkConfig {
        Objects.requireNonNull(mode, "mode");
        hostname = hostname == null ? "" : hostname;
        domainname = domainname == null ? "" : domainname;
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        for (String h : extraHosts) {
            if (h.indexOf(':') <= 0) {
                throw new IllegalArgumentException("extra host \"" + h + "\" must be name:address");
            }
        }
    }

    public static NetworkConfig none() {
        return new NetworkConfig(new NetworkMode.None(), "", "", List.of());
    }
}
