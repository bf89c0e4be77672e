package io.berth.agent.registry;

import io.berth.agent.registry.internal.DockerConfigCredentialStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where registry credentials live, keyed by registry as references name it ({@code docker.io},
 * {@code 127.0.0.1:5000}). Implementations are safe for concurrent use.
 */
public interface CredentialStore {
    Optional<Credentials> get(String registry);

    void put(String registry, Credentials credentials);

    /** Removes the entry; false when there was none. */
    boolean remove(String registry);

    /**
     * Docker's {@code config.json} {@code auths} format ({@code {"auths":{"host":{"auth":"base64(user:pass)"}}}}),
     * rewritten atomically with mode 0600; other keys of the file are kept. Docker Hub is stored under
     * {@code https://index.docker.io/v1/}, as docker does.
     */
    static CredentialStore dockerConfig(Path file) {
        return new DockerConfigCredentialStore(file);
    }

    /** A store that knows nothing and refuses writes (anonymous access only). */
    static CredentialStore none() {
        return new CredentialStore() {
            @Override
            public Optional<Credentials> get(String registry) {
                return Optional.empty();
            }

            @Override
            public void put(String registry, Credentials credentials) {
                throw new UnsupportedOperationException("this credential store keeps nothing");
            }

            @Override
            public boolean remove(String registry) {
                return false;
            }
        };
    }
}
