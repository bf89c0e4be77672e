package io.berth.agent.registry.internal;

import io.berth.agent.registry.RegistryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK HttpClient, twice: one that checks certificates (HTTP/2 over TLS where offered) and, made on first use,
 * one that does not (only ever used for insecure registries). Redirects are not followed here: sessions follow
 * them so that credentials never travel to another host. Waits are bounded: a whole small exchange by the
 * request timeout, a transfer by the idle timeout (no byte for that long).
 */
final class HttpTransport implements AutoCloseable {
    private final RegistryConfig config;
    private final HttpClient checked;
    private HttpClient lenient;

    HttpTransport(RegistryConfig config) {
        this.config = config;
        this.checked = builder().build();
    }

    private HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
    }

    private synchronized HttpClient lenient() {
        if (lenient == null) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustAll()}, null);
                lenient = builder().sslContext(context).build();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK always has TLS", e);
            }
        }
        return lenient;
    }

    RegistryConfig config() {
        return config;
    }

    /** A request builder with the User-Agent, the header timeout and HTTP/1.1 on plain HTTP (no h2c upgrade). */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("User-Agent", config.userAgent())
                .timeout(config.requestTimeout());
        if ("http".equals(uri.getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        return b;
    }

    <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            boolean lenientTls) {
        return (lenientTls ? lenient() : checked).sendAsync(request, handler);
    }

    /** Sends and waits for the whole exchange, at most the request timeout. */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, boolean lenientTls)
            throws IOException {
        return await(sendAsync(request, handler, lenientTls), () -> 0, config.requestTimeout());
    }

    /**
     * Waits for an exchange; {@code progress} counts bytes moved, and the wait gives up (cancelling the exchange)
     * once it has not changed for {@code idle}.
     */
    static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> future, LongSupplier progress, Duration idle)
            throws IOException {
        long idleNanos = idle.toNanos();
        long seen = progress.getAsLong();
        long since = System.nanoTime();
        long poll = Math.max(1, Math.min(TimeUnit.SECONDS.toNanos(1), idleNanos));
        while (true) {
            try {
                return future.get(poll, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long now = progress.getAsLong();
                if (now != seen) {
                    seen = now;
                    since = System.nanoTime();
                } else if (System.nanoTime() - since >= idleNanos) {
                    future.cancel(true);
                    throw new HttpTimeoutException("no answer for " + idle.toSeconds() + "s");
                }
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the registry");
            } catch (CancellationException e) {
                throw new InterruptedIOException("the transfer was cancelled");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(cause);
            }
        }
    }

    @Override
    public void close() {
        checked.close();
        synchronized (this) {
            if (lenient != null) {
                lenient.close();
            }
        }
    }

    /** Accepts any certificate and host name: Docker's behaviour for HTTPS to an insecure registry. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
