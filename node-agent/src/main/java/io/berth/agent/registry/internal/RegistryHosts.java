package io.berth.agent.registry.internal;

import io.berth.agent.image.ImageReference;
import java.util.Locale;

/** How Docker names registries in logins and credential files: URLs and Hub aliases become one key. */
final class RegistryHosts {
    static final String HUB_CONFIG_KEY = "https://index.docker.io/v1/";

    private RegistryHosts() {
    }

    /**
     * The registry a login address means, as references name it: {@code https://host:5000/v2/} is
     * {@code host:5000}; empty, {@code index.docker.io} and {@code registry-1.docker.io} are {@code docker.io}.
     */
    static String registry(String address) {
        String s = address == null ? "" : address.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.isEmpty() || lower.equals("index.docker.io") || lower.equals(ImageReference.DOCKER_HUB_API_HOST)
                || lower.equals(ImageReference.DOCKER_HUB)) {
            return ImageReference.DOCKER_HUB;
        }
        return s;
    }

    /** The host that serves a registry's API. */
    static String apiHost(String registry) {
        return registry.equals(ImageReference.DOCKER_HUB) ? ImageReference.DOCKER_HUB_API_HOST : registry;
    }

    /** The key docker writes in {@code config.json} for a registry. */
    static String configKey(String registry) {
        return registry.equals(ImageReference.DOCKER_HUB) ? HUB_CONFIG_KEY : registry;
    }
}
