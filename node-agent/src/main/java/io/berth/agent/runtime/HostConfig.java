package io.berth.agent.runtime;

import java.util.Objects;

/** What Docker's HostConfig carries for the runtime, grouped: network, security, resources and process options. */
public record HostConfig(NetworkConfig network, SecurityConfig security, Resources resources, RuntimeOptions options) {
    public HostConfig {
        network = Objects.requireNonNullElse(network, NetworkConfig.none());
        security = Objects.requireNonNullElse(security, SecurityConfig.defaults());
        resources = Objects.requireNonNullElse(resources, Resources.none());
        options = Objects.requireNonNullElse(options, RuntimeOptions.defaults());
    }
}
