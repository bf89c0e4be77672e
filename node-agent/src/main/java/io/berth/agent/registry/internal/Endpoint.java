package io.berth.agent.registry.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A registry as this client reaches it: its host, the base URI whose scheme was chosen by probing
 * ({@code https://host} or, for insecure registries only, {@code http://host}), whether TLS certificates are
 * left unchecked, and the authentication challenges its {@code /v2/} answered with.
 */
record Endpoint(String host, URI base, boolean lenientTls, List<Challenge> challenges) {
    Endpoint {
        challenges = List.copyOf(challenges);
    }

    URI resolve(String path) {
        return base.resolve(path);
    }

    boolean plainHttp() {
        return base.getScheme().equals("http");
    }

    Optional<Challenge> bearer() {
        return challenges.stream().filter(Challenge::isBearer).findFirst();
    }

    Optional<Challenge> basic() {
        return challenges.stream().filter(Challenge::isBasic).findFirst();
    }

    Endpoint withChallenges(List<Challenge> newChallenges) {
        return new Endpoint(host, base, lenientTls, newChallenges);
    }
}
