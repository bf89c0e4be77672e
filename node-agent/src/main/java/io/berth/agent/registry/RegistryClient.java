package io.berth.agent.registry;

import io.berth.agent.image.BlobReader;
import io.berth.agent.image.BlobWriter;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.Platform;
import io.berth.agent.registry.internal.DefaultRegistryClient;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Speaks the OCI Distribution API ({@code /v2/}) to registries: pull, push, login. Plain blocking calls, meant
 * for worker threads; safe for concurrent use. Failures are {@link io.berth.compose.BerthException}s: NOT_FOUND
 * (no such manifest or repository), UNAVAILABLE (unreachable, timed out, 5xx, 429: transient, the message says
 * so), FAILED_PRECONDITION (authentication, plain HTTP refused, digest mismatch, schema 1), INVALID_ARGUMENT.
 */
public interface RegistryClient extends AutoCloseable {

    /**
     * Pulls {@code reference} (by digest when it has one, else by tag): resolves and verifies the manifest (an
     * index or manifest list resolves to the entry for {@code wanted}), stores the index, manifest, config and
     * layers in the content store, skipping blobs {@code reader} already has and resuming partial ingests.
     */
    PullResult pull(ImageReference reference, Platform wanted, BlobReader reader, BlobWriter writer,
            PullListener listener);

    /** Uploads the blobs a manifest names (skipping or mounting what the registry has), then the manifest. */
    PushResult push(PushRequest request, BlobReader reader, PushListener listener);

    /**
     * Checks the credentials against the registry's {@code /v2/} (token flow included), stores them and returns
     * Docker's {@code Login Succeeded}. {@code registry} is a host[:port], a URL, or empty for Docker Hub.
     */
    String login(String registry, Credentials credentials);

    /** Forgets the stored credentials (and cached tokens) of a registry; false when none were stored. */
    boolean logout(String registry);

    /**
     * A client sharing this one's connections and caches that authenticates with {@code credentials} instead of
     * the store (what the API's {@code X-Registry-Auth} header carries).
     */
    RegistryClient withCredentials(Credentials credentials);

    /** Closes the HTTP clients (their threads and connections); views from {@link #withCredentials} close nothing. */
    @Override
    void close();

    /**
     * @param executor runs parallel layer transfers; the calling thread takes part too, so even a direct
     *     executor works (then transfers run one after another)
     * @param clock token expiry and progress pacing
     */
    static RegistryClient create(RegistryConfig config, CredentialStore credentials, Executor executor, Clock clock) {
        return new DefaultRegistryClient(config, credentials, executor, clock);
    }
}
