package io.berth.agent.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.registry.Credentials;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Produces the {@code Authorization} header for a request: {@code Basic} when the registry asks for Basic and we
 * have credentials, {@code Bearer} with a token fetched from the challenge's realm (with Basic credentials when we
 * have them, anonymously otherwise) for the scopes of the operation. Tokens are cached per realm, service, scopes
 * and user until shortly before they expire.
 */
final class Authenticator {
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(5);

    private final HttpTransport transport;
    private final InsecureRegistries insecure;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    Authenticator(HttpTransport transport, InsecureRegistries insecure, ObjectMapper json, Clock clock) {
        this.transport = transport;
        this.insecure = insecure;
        this.json = json;
        this.clock = clock;
    }

    static String basic(Credentials c) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** The header value for a request to {@code endpoint}, or null to go anonymous. */
    String authorization(Endpoint endpoint, Collection<String> scopes, Credentials credentials) {
        var bearer = endpoint.bearer();
        if (bearer.isPresent()) {
            return "Bearer " + token(endpoint, bearer.get(), scopes, credentials);
        }
        if (endpoint.basic().isPresent() && credentials != null) {
            return basic(credentials);
        }
        return null;
    }

    /** Drops a cached token that the registry refused (expired early or too narrow). */
    void invalidate(Endpoint endpoint, Collection<String> scopes, Credentials credentials) {
        endpoint.bearer().ifPresent(c -> tokens.remove(key(c, scopes, credentials)));
    }

    /** Drops every cached token (after logout). */
    void forgetAll() {
        tokens.clear();
    }

    private static String key(Challenge c, Collection<String> scopes, Credentials credentials) {
        return c.param("realm") + "|" + c.param("service") + "|" + String.join(" ", new TreeSet<>(scopes)) + "|"
                + (credentials == null ? "" : credentials.username() + ":" + credentials.password().hashCode());
    }

    private String token(Endpoint endpoint, Challenge challenge, Collection<String> scopes, Credentials credentials) {
        String key = key(challenge, scopes, credentials);
        Token cached = tokens.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.value();
        }
        Token fresh = fetch(endpoint, challenge, scopes, credentials, now);
        tokens.put(key, fresh);
        return fresh.value();
    }

    private Token fetch(Endpoint endpoint, Challenge challenge, Collection<String> scopes, Credentials credentials,
            Instant now) {
        String realm = challenge.param("realm");
        if (realm == null || realm.isEmpty()) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "registry " + endpoint.host(),
                    "registry " + endpoint.host() + " asks for a bearer token but names no realm to get it from");
        }
        URI uri = tokenUri(realm, challenge.param("service"), scopes, credentials);
        boolean plainOrLenient = !"https".equals(uri.getScheme());
        if (plainOrLenient && !insecure.allowsInsecure(uri.getAuthority())) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "registry " + endpoint.host(),
                    "registry " + endpoint.host() + " sends us for a token to " + realm
                            + " over plain HTTP; allow that host with --insecure-registry " + uri.getAuthority());
        }
        HttpRequest.Builder request = transport.request(uri).GET();
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        HttpResponse<byte[]> response;
        try {
            boolean lenient = "https".equals(uri.getScheme()) && insecure.allowsInsecure(uri.getAuthority());
            response = transport.send(request.build(), BoundedBytes.handler(1 << 20), lenient);
        } catch (IOException e) {
            throw RegistryErrors.unreachable(uri.getAuthority(), e);
        }
        if (response.statusCode() != 200) {
            String answer = RegistryErrors.answer(json, response.statusCode(), response.body());
            throw RegistryErrors.forStatus(endpoint.host(), response.statusCode() == 403 ? 403 : 401,
                    "getting a token from " + realm, answer, credentials != null);
        }
        return parse(endpoint, response.body(), now);
    }

    private URI tokenUri(String realm, String service, Collection<String> scopes, Credentials credentials) {
        StringBuilder q = new StringBuilder(realm);
        char sep = realm.contains("?") ? '&' : '?';
        if (service != null) {
            q.append(sep).append("service=").append(enc(service));
            sep = '&';
        }
        for (String scope : new TreeSet<>(scopes)) {
            q.append(sep).append("scope=").append(enc(scope));
            sep = '&';
        }
        if (credentials != null) {
            q.append(sep).append("account=").append(enc(credentials.username()));
        }
        return URI.create(q.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Token parse(Endpoint endpoint, byte[] body, Instant now) {
        try {
            JsonNode root = json.readTree(body);
            String token = root.path("token").asText("");
            if (token.isEmpty()) {
                token = root.path("access_token").asText("");
            }
            if (token.isEmpty()) {
                throw new IOException("no token in the answer");
            }
            long seconds = root.path("expires_in").asLong(0);
            Duration life = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TOKEN_LIFETIME;
            // our clock, not issued_at: a skewed registry clock must not make every token look expired
            Duration margin = life.compareTo(EXPIRY_MARGIN.multipliedBy(2)) > 0 ? EXPIRY_MARGIN : life.dividedBy(2);
            return new Token(token, now.plus(life).minus(margin));
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "registry " + endpoint.host(),
                    "registry " + endpoint.host() + ": the token server's answer is not usable: " + e.getMessage(), e);
        }
    }
}
