package io.berth.cli.client;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where berthd listens: a unix socket, named as docker names hosts ({@code unix:///run/berth/berth.sock}).
 *
 * @param uri        the address as the user gave it (or the default), for messages
 * @param socket     the socket's path
 * @param isDefault  true for the default socket, the only one the command line starts a daemon for
 */
public record DaemonAddress(String uri, Path socket, boolean isDefault) {
    /** The default socket, where a local berthd listens. */
    public static final String DEFAULT_URI = "unix:///run/berth/berth.sock";

    /** {@code -H} when given, else {@code BERTH_HOST}, else the default socket. */
    public static DaemonAddress resolve(String hostOption, Map<String, String> env) {
        String host = hostOption;
        if (host == null || host.isEmpty()) {
            host = env.get("BERTH_HOST");
        }
        if (host == null || host.isEmpty()) {
            host = DEFAULT_URI;
        }
        return parse(host);
    }

    /** Parses {@code unix:///path} (a bare absolute path is taken as a unix socket too). */
    public static DaemonAddress parse(String host) {
        String path;
        if (host.startsWith("unix://")) {
            path = host.substring("unix://".length());
        } else if (host.startsWith("/")) {
            path = host;
        } else {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, host, "unsupported daemon host '" + host
                    + "': berth talks to berthd over a unix socket only; use -H unix:///path/to/berth.sock");
        }
        if (!path.startsWith("/")) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, host, "invalid daemon host '" + host
                    + "': the socket path must be absolute, as in unix:///run/berth/berth.sock");
        }
        String uri = "unix://" + path;
        return new DaemonAddress(uri, Path.of(path), uri.equals(DEFAULT_URI));
    }
}
