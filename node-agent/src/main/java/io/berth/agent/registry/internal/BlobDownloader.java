package io.berth.agent.registry.internal;

import io.berth.agent.image.BlobReader;
import io.berth.agent.image.BlobWriter;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Ingest;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.registry.ProgressState;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.security.MessageDigest;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Downloads one blob into the content store: skips it when the store has it, resumes a partial ingest with
 * {@code Range: bytes=N-} (starting over when the registry ignores the range), streams the body straight into
 * the ingest, verifies the digest (its own hash when it saw every byte, the ingest's commit otherwise), and
 * retries transport failures from where they stopped. A digest mismatch deletes the partial content.
 */
final class BlobDownloader {
    private final ClientContext context;

    /** What a transfer ended with: bytes streamed into the ingest, or an error body, or an ignored Range. */
    private record Outcome(int status, long streamed, byte[] errorBody, boolean rangeIgnored) {
    }

    BlobDownloader(ClientContext context) {
        this.context = context;
    }

    void download(RepositorySession session, Descriptor blob, BlobReader reader, BlobWriter writer,
            LayerReporter report, AtomicBoolean abandoned) throws IOException {
        Digest digest = blob.parsedDigest();
        if (reader.has(digest)) {
            report.state(ProgressState.ALREADY_EXISTS);
            return;
        }
        int attempts = context.config().transferAttempts();
        for (int attempt = 1; ; attempt++) {
            try {
                attempt(session, blob, digest, writer, report, abandoned);
                return;
            } catch (IOException e) {
                if (attempt >= attempts || abandoned.get()) {
                    throw session.failed(e);
                }
                report.state(ProgressState.RETRYING, "(attempt " + (attempt + 1) + " of " + attempts + ")");
            }
        }
    }

    private void attempt(RepositorySession session, Descriptor blob, Digest digest, BlobWriter writer,
            LayerReporter report, AtomicBoolean abandoned) throws IOException {
        Ingest ingest = writer.ingest(digest, blob.size());
        boolean settled = false;
        try {
            long offset = ingest.offset();
            MessageDigest hash = null;
            if (offset < blob.size() || blob.size() == 0) {
                hash = offset == 0 ? Digest.newSha256() : null;
                Outcome outcome = transfer(session, blob, ingest, offset, hash, report, abandoned);
                if (outcome.rangeIgnored()) {
                    ingest.abort();
                    ingest.close();
                    ingest = writer.ingest(digest, blob.size());
                    offset = 0;
                    hash = Digest.newSha256();
                    outcome = transfer(session, blob, ingest, 0, hash, report, abandoned);
                }
                if (outcome.errorBody() != null) {
                    ingest.abort();
                    settled = true;
                    throw session.error(outcome.status(), outcome.errorBody(), "downloading " + digest + " from "
                            + session.host() + "/" + session.repository());
                }
                if (offset + outcome.streamed() != blob.size()) {
                    throw new IOException("the transfer of " + digest + " ended after " + (offset + outcome.streamed())
                            + " of " + blob.size() + " bytes");
                }
            }
            report.state(ProgressState.VERIFYING_CHECKSUM);
            if (hash != null) {
                Digest actual = Digest.of(hash);
                if (!actual.equals(digest)) {
                    ingest.abort();
                    settled = true;
                    throw mismatch(session, digest, actual.toString(), null);
                }
            }
            commit(session, ingest, digest);
            settled = true;
            report.state(ProgressState.DOWNLOAD_COMPLETE);
        } finally {
            if (!settled) {
                ingest.close(); // keeps what arrived, for the next attempt to resume
            }
        }
    }

    private static void commit(RepositorySession session, Ingest ingest, Digest digest) throws IOException {
        try {
            ingest.commit();
        } catch (BerthException e) {
            throw mismatch(session, digest, null, e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("digest")) {
                throw mismatch(session, digest, null, e);
            }
            throw e;
        }
    }

    private static BerthException mismatch(RepositorySession session, Digest expected, String actual, Exception cause) {
        String detail = actual != null
                ? "digest mismatch: expected " + expected + ", got " + actual
                : cause.getMessage();
        return new BerthException(ErrorCategory.FAILED_PRECONDITION, expected.toString(),
                "blob " + expected + " from " + session.host() + "/" + session.repository() + " failed verification: "
                        + detail + " (the partial download was deleted; pull again, and if it persists the registry"
                        + " serves corrupt content)", cause);
    }

    private Outcome transfer(RepositorySession session, Descriptor blob, Ingest ingest, long offset, MessageDigest hash,
            LayerReporter report, AtomicBoolean abandoned) throws IOException {
        IngestSink sink = new IngestSink(ingest.output(), hash, blob.size() - offset,
                n -> report.bytes(ProgressState.DOWNLOADING, offset + n), abandoned::get);
        Call call = Call.of("GET", session.url("/blobs/" + blob.digest()));
        if (offset > 0) {
            call = call.header("Range", "bytes=" + offset + "-");
        }
        report.bytes(ProgressState.DOWNLOADING, offset);
        HttpResponse.BodyHandler<Outcome> handler = info -> {
            int status = info.statusCode();
            if (offset > 0 && status == 200) {
                return BodySubscribers.mapping(new Refuse(), x -> new Outcome(status, 0, null, true));
            }
            if (status == 200 || (status == 206 && rangeStartsAt(info, offset))) {
                return BodySubscribers.mapping(sink, n -> new Outcome(status, n, null, false));
            }
            return BodySubscribers.mapping(new BoundedBytes(1 << 16), b -> new Outcome(status, 0, b, false));
        };
        HttpResponse<Outcome> response = session.exchange(call, handler, sink::written, context.config().idleTimeout());
        return response.body();
    }

    private static boolean rangeStartsAt(HttpResponse.ResponseInfo info, long offset) {
        return info.headers().firstValue("Content-Range")
                .map(r -> r.replaceFirst("^bytes\\s+", ""))
                .map(r -> r.startsWith(offset + "-"))
                .orElse(false);
    }

    /** Cancels a body we do not want (a full answer to a range request). */
    private static final class Refuse implements HttpResponse.BodySubscriber<Void> {
        private final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
            done.complete(null);
        }

        @Override
        public void onNext(java.util.List<java.nio.ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable t) {
            done.complete(null);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> getBody() {
            return done;
        }
    }
}
