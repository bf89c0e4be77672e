package io.berth.agent.registry.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * Chooses how to reach a registry, as Docker does: HTTPS with checked certificates; for loopback and configured
 * insecure registries HTTPS without certificate checks first, then plain HTTP. Probing is a {@code GET /v2/},
 * whose {@code WWW-Authenticate} challenges are kept with the endpoint. Results are cached per host until a
 * connection to it fails.
 */
final class EndpointResolver {
    private static final Duration HTTPS_GRACE = Duration.ofMillis(300);
    private final HttpTransport transport;
    private final InsecureRegistries insecure;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    EndpointResolver(HttpTransport transport, InsecureRegistries insecure) {
        this.transport = transport;
        this.insecure = insecure;
    }

    InsecureRegistries insecure() {
        return insecure;
    }

    Endpoint resolve(String host) {
        Endpoint known = endpoints.get(host);
        if (known != null) {
            return known;
        }
        Endpoint probed = probe(host);
        endpoints.put(host, probed);
        return probed;
    }

    /** Re-reads the challenges after a 401 that named other ones. */
    Endpoint update(Endpoint endpoint, List<Challenge> challenges) {
        Endpoint updated = endpoint.withChallenges(challenges);
        endpoints.put(endpoint.host(), updated);
        return updated;
    }

    void forget(String host) {
        endpoints.remove(host);
    }

    private Endpoint probe(String host) {
        URI https = URI.create("https://" + host + "/");
        if (!insecure.allowsInsecure(host)) {
            try {
                return ping(host, https, false);
            } catch (IOException e) {
                if (!isTls(e)) {
                    throw RegistryErrors.unreachable(host, e);
                }
                throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "registry " + host,
                        "registry " + host + " does not answer HTTPS with a trusted certificate (" + e.getMessage()
                                + "); if it serves plain HTTP or a self-signed certificate, allow it with"
                                + " --insecure-registry " + host, e);
            }
        }
        return probeInsecure(host, https, URI.create("http://" + host + "/"));
    }

    /**
     * HTTPS (unchecked) preferred, plain HTTP as the fallback, both probed at once: a plain-HTTP server may never
     * answer a TLS handshake, and waiting for that to time out before trying HTTP would stall every first pull.
     * HTTPS wins if it answers, or fails no later than {@link #HTTPS_GRACE} after HTTP answered.
     */
    private Endpoint probeInsecure(String host, URI https, URI http) {
        CompletableFuture<Endpoint> secure = pingAsync(host, https, true);
        CompletableFuture<Endpoint> plain = pingAsync(host, http, false);
        try {
            CompletableFuture.anyOf(secure, plain).exceptionally(t -> null)
                    .get(transport.config().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!plain.isDone() || plain.isCompletedExceptionally()) {
                Endpoint e = await(secure, transport.config().requestTimeout().toMillis());
                if (e != null) {
                    plain.cancel(true);
                    return e;
                }
                return require(host, plain, transport.config().requestTimeout().toMillis(), secure);
            }
            Endpoint e = await(secure, HTTPS_GRACE.toMillis());
            if (e != null) {
                return e;
            }
            secure.cancel(true);
            return plain.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryErrors.unreachable(host, new java.io.InterruptedIOException("interrupted"));
        } catch (ExecutionException | TimeoutException e) {
            return require(host, plain, 0, secure);
        }
    }

    private static Endpoint await(CompletableFuture<Endpoint> f, long millis) throws InterruptedException {
        try {
            return f.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static Endpoint require(String host, CompletableFuture<Endpoint> plain, long millis,
            CompletableFuture<Endpoint> secure) {
        secure.cancel(true);
        try {
            if (millis <= 0 && !plain.isDone()) {
                throw new TimeoutException();
            }
            return plain.get(Math.max(millis, 1), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw RegistryErrors.unreachable(host, cause instanceof IOException io ? io : new IOException(cause));
        } catch (TimeoutException | InterruptedException e) {
            plain.cancel(true);
            throw RegistryErrors.unreachable(host, new HttpTimeoutException("no answer to /v2/"));
        } finally {
            plain.cancel(true); // no effect once it is done
        }
    }

    private CompletableFuture<Endpoint> pingAsync(String host, URI base, boolean lenientTls) {
        return transport.sendAsync(transport.request(base.resolve("/v2/")).GET().build(),
                BoundedBytes.handler(1 << 16), lenientTls).thenApply(response -> {
                    if (!lenientTls && !looksLikeRegistry(response)) {
                        // an HTTPS server answering plain HTTP with 400 is no registry over HTTP
                        throw new java.util.concurrent.CompletionException(new IOException(
                                "plain HTTP answered " + response.statusCode() + " to /v2/"));
                    }
                    return endpoint(host, base, lenientTls, response);
                });
    }

    private static boolean looksLikeRegistry(HttpResponse<?> response) {
        return response.statusCode() == 200 || response.statusCode() == 401
                || response.headers().firstValue("Docker-Distribution-API-Version").isPresent();
    }

    private static boolean isTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private Endpoint ping(String host, URI base, boolean lenientTls) throws IOException {
        HttpResponse<byte[]> response = transport.send(transport.request(base.resolve("/v2/")).GET().build(),
                BoundedBytes.handler(1 << 16), lenientTls);
        return endpoint(host, base, lenientTls, response);
    }

    private static Endpoint endpoint(String host, URI base, boolean lenientTls, HttpResponse<byte[]> response) {
        List<Challenge> challenges = response.statusCode() == 401
                ? WwwAuthenticate.parse(response.headers().allValues("WWW-Authenticate"))
                : List.of();
        return new Endpoint(host, base, lenientTls, challenges);
    }
}
