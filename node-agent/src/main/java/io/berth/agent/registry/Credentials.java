package io.berth.agent.registry;

import java.util.Objects;

/** A user name and password (or token) for one registry. {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {
    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
