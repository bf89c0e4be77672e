package io.berth.agent.registry.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Docker's rule for where plain HTTP (and HTTPS without certificate checks) is allowed: loopback hosts
 * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) and the configured insecure registries, given as
 * {@code host}, {@code host:port} or a CIDR range that an IP-literal host falls in. No name is resolved here.
 */
final class InsecureRegistries {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<String> entries;

    InsecureRegistries(List<String> entries) {
        this.entries = entries.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).toList();
    }

    boolean allowsInsecure(String registryHost) {
        String host = registryHost.toLowerCase(Locale.ROOT);
        String name = hostname(host);
        if (name.equals("localhost") || isLoopbackLiteral(name)) {
            return true;
        }
        for (String entry : entries) {
            if (entry.equals(host) || entry.equals(name)) {
                return true;
            }
            if (entry.contains("/") && inCidr(name, entry)) {
                return true;
            }
        }
        return false;
    }

    /** The host name of {@code host[:port]} or {@code [v6]:port}, without brackets. */
    static String hostname(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(1, end) : host;
        }
        int colon = host.indexOf(':');
        return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.substring(0, colon) : host;
    }

    private static boolean isLiteral(String name) {
        return IPV4.matcher(name).matches() || name.contains(":");
    }

    private static boolean isLoopbackLiteral(String name) {
        if (!isLiteral(name)) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean inCidr(String name, String cidr) {
        if (!isLiteral(name)) {
            return false;
        }
        int slash = cidr.indexOf('/');
        try {
            byte[] net = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            byte[] addr = InetAddress.getByName(name).getAddress();
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            if (net.length != addr.length || bits < 0 || bits > net.length * 8) {
                return false;
            }
            int shift = net.length * 8 - bits;
            return new BigInteger(1, net).shiftRight(shift).equals(new BigInteger(1, addr).shiftRight(shift));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
