package io.berth.agent.registry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link RegistryClient}.
 *
 * @param insecureRegistries hosts ({@code host} or {@code host:port}) or CIDR ranges ({@code 10.0.0.0/8}) that
 *     may be spoken to over plain HTTP or HTTPS without certificate checks, as Docker's
 *     {@code --insecure-registry}; loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) always may
 * @param connectTimeout TCP/TLS connect limit
 * @param requestTimeout limit for a whole small request (ping, token, manifest, HEAD) and for the response
 *     headers of a blob transfer
 * @param idleTimeout a blob transfer that moves no byte for this long is abandoned (and retried)
 * @param maxConcurrentDownloads layers downloaded at once per pull (Docker: 3)
 * @param maxConcurrentUploads blobs uploaded at once per push (Docker: 5)
 * @param chunkSize blobs up to this size are uploaded in one PUT; larger ones in PATCH chunks of this size
 * @param transferAttempts tries per blob before a pull or push gives up (a retry resumes where it stopped)
 * @param userAgent the User-Agent header
 */
public record RegistryConfig(
        List<String> insecureRegistries,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration idleTimeout,
        int maxConcurrentDownloads,
        int maxConcurrentUploads,
        long chunkSize,
        int transferAttempts,
        String userAgent) {

    public RegistryConfig {
        insecureRegistries = List.copyOf(insecureRegistries);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConcurrentDownloads < 1 || maxConcurrentUploads < 1 || chunkSize < 1 || transferAttempts < 1) {
            throw new IllegalArgumentException("concurrency, chunk size and attempts must be positive");
        }
        Objects.requireNonNull(userAgent, "userAgent");
    }

    public static RegistryConfig defaults() {
        return new RegistryConfig(List.of(), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60),
                3, 5, 16L << 20, 3, "berth/0.1");
    }

    public RegistryConfig withInsecureRegistries(List<String> hosts) {
        return new RegistryConfig(hosts, connectTimeout, requestTimeout, idleTimeout, maxConcurrentDownloads,
                maxConcurrentUploads, chunkSize, transferAttempts, userAgent);
    }

    public RegistryConfig withTimeouts(Duration connect, Duration request, Duration idle) {
        return new RegistryConfig(insecureRegistries, connect, request, idle, maxConcurrentDownloads,
                maxConcurrentUploads, chunkSize, transferAttempts, userAgent);
    }

    public RegistryConfig withChunkSize(long size) {
        return new RegistryConfig(insecureRegistries, connectTimeout, requestTimeout, idleTimeout,
                maxConcurrentDownloads, maxConcurrentUploads, size, transferAttempts, userAgent);
    }

    public RegistryConfig withConcurrency(int downloads, int uploads) {
        return new RegistryConfig(insecureRegistries, connectTimeout, requestTimeout, idleTimeout, downloads, uploads,
                chunkSize, transferAttempts, userAgent);
    }
}
