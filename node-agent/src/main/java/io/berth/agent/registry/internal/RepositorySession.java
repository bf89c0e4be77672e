package io.berth.agent.registry.internal;

import io.berth.agent.registry.Credentials;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One operation's conversation with one repository of one registry: it authenticates each request for the
 * operation's scopes, answers a 401 once (new challenge, fresh token, wider scope), and follows redirects
 * (blob downloads are usually sent to storage) without ever sending credentials to another host.
 */
final class RepositorySession {
    private static final int MAX_REDIRECTS = 10;
    static final long SMALL_BODY_LIMIT = 4L << 20;

    private final ClientContext context;
    private final String repository;
    private final Set<String> scopes = ConcurrentHashMap.newKeySet();
    private final Credentials credentials;
    private volatile Endpoint endpoint;

    RepositorySession(ClientContext context, String host, String repository, Collection<String> scopes,
            Credentials credentials) {
        this.context = context;
        this.repository = repository;
        this.scopes.addAll(scopes);
        this.credentials = credentials;
        this.endpoint = context.endpoints().resolve(host);
    }

    static String scope(String repository, String actions) {
        return "repository:" + repository + ":" + actions;
    }

    String host() {
        return endpoint.host();
    }

    String repository() {
        return repository;
    }

    boolean hasCredentials() {
        return credentials != null;
    }

    /** {@code /v2/<repository><suffix>} on the registry. */
    URI url(String suffix) {
        return endpoint.resolve("/v2/" + repository + suffix);
    }

    /** A small exchange: the body is read whole (at most 4 MiB) within the request timeout. */
    HttpResponse<byte[]> send(Call call) {
        try {
            return exchange(call, BoundedBytes.handler(SMALL_BODY_LIMIT), () -> 0, context.config().requestTimeout());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The error for a transport failure; forgets the endpoint so the next operation probes again. */
    BerthException failed(IOException e) {
        context.endpoints().forget(endpoint.host());
        return RegistryErrors.unreachable(endpoint.host(), e);
    }

    /** The error for an unexpected status of {@code response}, whose body was read as bytes. */
    BerthException error(HttpResponse<byte[]> response, String what) {
        return error(response.statusCode(), response.body(), what);
    }

    BerthException error(int status, byte[] body, String what) {
        String answer = RegistryErrors.answer(context.json(), status, body);
        return RegistryErrors.forStatus(endpoint.host(), status, what, answer, credentials != null);
    }

    /**
     * Makes the call, answering one 401 and following redirects; waits until {@code progress} stands still for
     * {@code idle}. The handler sees every response, redirects and 401s included.
     */
    <T> HttpResponse<T> exchange(Call call, HttpResponse.BodyHandler<T> handler, LongSupplier progress,
            Duration idle) throws IOException {
        Call current = call;
        boolean reauthenticated = false;
        for (int redirects = 0; ; ) {
            Endpoint ep = endpoint;
            URI uri = current.uri();
            boolean registryHost = uri.getRawAuthority().equals(ep.base().getRawAuthority());
            HttpResponse<T> response = HttpTransport.await(
                    context.transport().sendAsync(build(current, ep, registryHost), handler, lenient(uri, ep, registryHost)),
                    progress, idle);
            int status = response.statusCode();
            if (status == 401 && registryHost && !reauthenticated) {
                reauthenticated = true;
                if (reauthenticate(ep, response)) {
                    continue;
                }
                return response;
            }
            if (isRedirect(status) && redirects < MAX_REDIRECTS) {
                var location = response.headers().firstValue("Location");
                if (location.isPresent()) {
                    redirects++;
                    URI next = uri.resolve(location.get());
                    checkRedirect(ep, next);
                    current = status == 303 ? Call.of("GET", next) : current.to(next);
                    continue;
                }
            }
            return response;
        }
    }

    private HttpRequest build(Call call, Endpoint ep, boolean registryHost) {
        HttpRequest.Builder b = context.transport().request(call.uri()).method(call.method(), call.publisher());
        call.headers().forEach(b::header);
        if (registryHost) {
            String authorization = context.authenticator().authorization(ep, scopes, credentials);
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
        }
        return b.build();
    }

    private boolean lenient(URI uri, Endpoint ep, boolean registryHost) {
        if (registryHost) {
            return ep.lenientTls();
        }
        return "https".equals(uri.getScheme()) && context.endpoints().insecure().allowsInsecure(uri.getRawAuthority());
    }

    /** After a 401: take the new challenge (and its scope) or drop the refused token; false when retrying is pointless. */
    private boolean reauthenticate(Endpoint ep, HttpResponse<?> response) {
        List<Challenge> challenges = WwwAuthenticate.parse(response.headers().allValues("WWW-Authenticate"));
        if (challenges.isEmpty()) {
            return false;
        }
        challenges.stream().filter(Challenge::isBearer).map(c -> c.param("scope")).filter(s -> s != null)
                .forEach(s -> scopes.addAll(List.of(s.split(" "))));
        context.authenticator().invalidate(ep, scopes, credentials);
        Endpoint updated = challenges.equals(ep.challenges()) ? ep : context.endpoints().update(ep, challenges);
        endpoint = updated;
        return updated.bearer().isPresent() || credentials != null;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private void checkRedirect(Endpoint ep, URI next) {
        if ("http".equals(next.getScheme()) && !ep.plainHttp()
                && !context.endpoints().insecure().allowsInsecure(next.getRawAuthority())) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "registry " + ep.host(),
                    "registry " + ep.host() + " redirects to plain HTTP (" + next.getRawAuthority()
                            + "); allow that host with --insecure-registry " + next.getRawAuthority());
        }
    }
}
