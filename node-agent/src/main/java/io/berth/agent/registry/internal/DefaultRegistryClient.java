package io.berth.agent.registry.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.BlobReader;
import io.berth.agent.image.BlobWriter;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.Platform;
import io.berth.agent.registry.CredentialStore;
import io.berth.agent.registry.Credentials;
import io.berth.agent.registry.PullListener;
import io.berth.agent.registry.PullResult;
import io.berth.agent.registry.PushListener;
import io.berth.agent.registry.PushRequest;
import io.berth.agent.registry.PushResult;
import io.berth.agent.registry.RegistryClient;
import io.berth.agent.registry.RegistryConfig;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/** The {@link RegistryClient}: wires transport, endpoints and authentication, and hands out pulls and pushes. */
public final class DefaultRegistryClient implements RegistryClient {
    private final ClientContext context;
    private final CredentialStore store;
    private final Credentials override;
    private final Puller puller;
    private final Pusher pusher;

    public DefaultRegistryClient(RegistryConfig config, CredentialStore store, Executor executor, Clock clock) {
        this(context(config, executor, clock), store, null);
    }

    private DefaultRegistryClient(ClientContext context, CredentialStore store, Credentials override) {
        this.context = context;
        this.store = Objects.requireNonNull(store, "credential store");
        this.override = override;
        this.puller = new Puller(context);
        this.pusher = new Pusher(context);
    }

    private static ClientContext context(RegistryConfig config, Executor executor, Clock clock) {
        HttpTransport transport = new HttpTransport(config);
        InsecureRegistries insecure = new InsecureRegistries(config.insecureRegistries());
        ObjectMapper json = new ObjectMapper();
        return new ClientContext(config, transport, new EndpointResolver(transport, insecure),
                new Authenticator(transport, insecure, json, clock), json, Objects.requireNonNull(executor, "executor"),
                Objects.requireNonNull(clock, "clock"));
    }

    private Credentials credentialsFor(ImageReference ref) {
        return override != null ? override : store.get(ref.registry()).orElse(null);
    }

    @Override
    public PullResult pull(ImageReference reference, Platform wanted, BlobReader reader, BlobWriter writer,
            PullListener listener) {
        return puller.pull(reference, wanted, reader, writer, listener, credentialsFor(reference));
    }

    @Override
    public PushResult push(PushRequest request, BlobReader reader, PushListener listener) {
        return pusher.push(request, reader, listener, credentialsFor(request.target()));
    }

    @Override
    public String login(String address, Credentials credentials) {
        String registry = RegistryHosts.registry(address);
        verify(registry, credentials);
        store.put(registry, credentials);
        return "Login Succeeded";
    }

    /** A GET of {@code /v2/} with the credentials (through the token flow when the registry uses one). */
    private void verify(String registry, Credentials credentials) {
        String host = RegistryHosts.apiHost(registry);
        context.endpoints().forget(host);
        Endpoint endpoint = context.endpoints().resolve(host);
        if (endpoint.challenges().isEmpty()) {
            return; // the registry needs no authentication: Docker reports success too
        }
        // the token flow with the credentials proves them; an empty scope list asks for no repository access
        RepositorySession session = new RepositorySession(context, host, "", List.of(), credentials);
        HttpResponse<byte[]> response = session.send(Call.of("GET", endpoint.resolve("/v2/")));
        if (response.statusCode() != 200) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "registry " + registry,
                    "login attempt to " + endpoint.resolve("/v2/") + " failed with status: " + response.statusCode()
                            + " (" + RegistryErrors.answer(context.json(), response.statusCode(), response.body()) + ")");
        }
    }

    @Override
    public boolean logout(String address) {
        context.authenticator().forgetAll();
        return store.remove(RegistryHosts.registry(address));
    }

    @Override
    public RegistryClient withCredentials(Credentials credentials) {
        return new DefaultRegistryClient(context, store, Objects.requireNonNull(credentials, "credentials"));
    }

    @Override
    public void close() {
        if (override == null) {
            context.transport().close(); // a withCredentials view shares the transport and leaves it open
        }
    }
}
