package io.berth.agent.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Privileges: {@code capAdd}/{@code capDrop} take names with or without {@code CAP_}, in any case, and
 * {@code ALL}; {@code privileged} gives every capability the host lets us give, no seccomp, no masked paths and the
 * host's devices.
 */
public record SecurityConfig(boolean privileged, List<String> capAdd, List<String> capDrop, boolean noNewPrivileges,
                             SeccompMode seccomp) {
    public SecurityConfig {
        capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
        capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
        seccomp = Objects.requireNonNullElse(seccomp, SeccompMode.DEFAULT);
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(false, List.of(), List.of(), false, SeccompMode.DEFAULT);
    }
}
