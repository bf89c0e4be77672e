package io.berth.agent.registry.internal;

import io.berth.agent.image.BlobReader;
import io.berth.agent.image.Digest;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.registry.ProgressState;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Uploads one blob: nothing when the registry has it (HEAD), a cross-repository mount when a source repository
 * on the same registry is known, else an upload session: one PUT with the whole blob up to the chunk size,
 * PATCH chunks with {@code Content-Range} and a closing PUT beyond it.
 */
final class BlobUploader {
    private final ClientContext context;

    BlobUploader(ClientContext context) {
        this.context = context;
    }

    void upload(RepositorySession session, Descriptor blob, Optional<String> mountFrom, BlobReader reader,
            LayerReporter report) {
        Digest digest = blob.parsedDigest();
        HttpResponse<byte[]> head = session.send(Call.of("HEAD", session.url("/blobs/" + digest)));
        if (head.statusCode() == 200) {
            report.state(ProgressState.LAYER_ALREADY_EXISTS);
            return;
        }
        if (head.statusCode() != 404) {
            throw session.error(head, "checking for blob " + digest + " in " + where(session));
        }
        URI location;
        if (mountFrom.isPresent()) {
            HttpResponse<byte[]> mount = session.send(Call.of("POST", session.url("/blobs/uploads/?mount="
                    + enc(digest.toString()) + "&from=" + enc(mountFrom.get()))).body(HttpRequest.BodyPublishers::noBody));
            if (mount.statusCode() == 201) {
                report.state(ProgressState.MOUNTED, mountFrom.get());
                return;
            }
            location = location(session, mount, digest);
        } else {
            location = location(session, session.send(Call.of("POST", session.url("/blobs/uploads/"))
                    .body(HttpRequest.BodyPublishers::noBody)), digest);
        }
        HttpResponse<byte[]> done = blob.size() <= context.config().chunkSize()
                ? put(session, location, digest, reader, 0, blob.size(), report)
                : chunked(session, location, blob, reader, report);
        if (done.statusCode() != 201) {
            throw session.error(done, "uploading blob " + digest + " to " + where(session));
        }
        String announced = done.headers().firstValue("Docker-Content-Digest").orElse(digest.toString());
        if (!announced.equals(digest.toString())) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, digest.toString(), "registry "
                    + session.host() + " stored blob " + digest + " as " + announced + ": the upload was corrupted");
        }
        report.state(ProgressState.PUSHED);
    }

    private static String where(RepositorySession session) {
        return session.host() + "/" + session.repository();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static URI location(RepositorySession session, HttpResponse<byte[]> response, Digest digest) {
        if (response.statusCode() != 202) {
            throw session.error(response, "starting the upload of blob " + digest + " to " + where(session));
        }
        String location = response.headers().firstValue("Location").orElseThrow(() -> new BerthException(
                ErrorCategory.FAILED_PRECONDITION, "registry " + session.host(),
                "registry " + session.host() + " started an upload but sent no Location"));
        return response.uri().resolve(location);
    }

    private HttpResponse<byte[]> put(RepositorySession session, URI location, Digest digest, BlobReader reader,
            long offset, long length, LayerReporter report) {
        String sep = location.getRawQuery() == null ? "?" : "&";
        URI target = URI.create(location + sep + "digest=" + enc(digest.toString()));
        return transfer(session, moved -> Call.of("PUT", target)
                .header("Content-Type", "application/octet-stream")
                .body(length > 0 ? () -> slice(reader, digest, offset, length, report, moved)
                        : HttpRequest.BodyPublishers::noBody));
    }

    private HttpResponse<byte[]> chunked(RepositorySession session, URI start, Descriptor blob, BlobReader reader,
            LayerReporter report) {
        Digest digest = blob.parsedDigest();
        URI location = start;
        long chunk = context.config().chunkSize();
        for (long offset = 0; offset < blob.size(); offset += chunk) {
            long n = Math.min(chunk, blob.size() - offset);
            long from = offset;
            URI at = location;
            HttpResponse<byte[]> response = transfer(session, moved -> Call.of("PATCH", at)
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", from + "-" + (from + n - 1))
                    .body(() -> slice(reader, digest, from, n, report, moved)));
            location = location(session, response, digest);
        }
        return put(session, location, digest, reader, blob.size(), 0, report);
    }

    private HttpResponse<byte[]> transfer(RepositorySession session, Function<AtomicLong, Call> make) {
        AtomicLong moved = new AtomicLong();
        try {
            return session.exchange(make.apply(moved), BoundedBytes.handler(1 << 16), moved::get, context.config().idleTimeout());
        } catch (IOException e) {
            throw session.failed(e);
        } catch (UncheckedIOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, "content store",
                    "the content store failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static HttpRequest.BodyPublisher slice(BlobReader reader, Digest digest, long offset, long length,
            LayerReporter report, AtomicLong moved) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                InputStream in = reader.open(digest);
                in.skipNBytes(offset);
                return new SliceStream(in, length, n -> {
                    moved.set(n);
                    report.bytes(ProgressState.PUSHING, offset + n);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), length);
    }
}
