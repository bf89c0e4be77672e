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
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Downloads one blob into the content store: skips it when the store has it, resumes a partial ingest with
 * {@code Range: bytes=N-} (starting over when the registry ignores the range), streams the body straight into
 * the ingest and retries transport failures from where they stopped. The ingest's commit is the one place that
 * verifies size and digest (the content store hashes as it writes; hashing here too cost a second pass over every
 * byte, measured at 10-20% of a loopback pull); a mismatch there deletes the partial content and is reported
 * naming the blob, the repository and the store's account of both digests.
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
            } catch (NetworkFailure e) {
                if (attempt >= attempts || abandoned.get()) {
                    throw session.failed((IOException) e.getCause());
                }
                report.state(ProgressState.RETRYING, "(attempt " + (attempt + 1) + " of " + attempts + ")");
            }
        }
    }

    /** A transfer that the network broke (as opposed to the content store): retried, resuming. */
    private static final class NetworkFailure extends IOException {
        private static final long serialVersionUID = 1L;

        NetworkFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static boolean storeFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IngestSink.StoreFailure) {
                return true;
            }
        }
        return false;
    }

    private void attempt(RepositorySession session, Descriptor blob, Digest digest, BlobWriter writer,
            LayerReporter report, AtomicBoolean abandoned) throws IOException {
        Ingest ingest = writer.ingest(digest, blob.size());
        boolean settled = false;
        try {
            long offset = ingest.offset();
            if (offset < blob.size() || blob.size() == 0) {
                Outcome outcome = transfer(session, blob, ingest, offset, report, abandoned);
                if (outcome.rangeIgnored()) {
                    ingest.abort();
                    ingest.close();
                    ingest = writer.ingest(digest, blob.size());
                    offset = 0;
                    outcome = transfer(session, blob, ingest, 0, report, abandoned);
                }
                if (outcome.errorBody() != null) {
                    ingest.abort();
                    settled = true;
                    throw session.error(outcome.status(), outcome.errorBody(), "downloading " + digest + " from "
                            + session.host() + "/" + session.repository());
                }
                if (offset + outcome.streamed() != blob.size()) {
                    throw new NetworkFailure(new IOException("the transfer of " + digest + " ended after " + (offset + outcome.streamed())
                            + " of " + blob.size() + " bytes"));
                }
            }
            report.state(ProgressState.VERIFYING_CHECKSUM);
            settled = true; // commit publishes the blob or deletes the partial content
            commit(session, ingest, digest);
            report.state(ProgressState.DOWNLOAD_COMPLETE);
        } finally {
            if (!settled) {
                ingest.close(); // keeps what arrived, for the next attempt to resume
            } else {
                closeQuietly(ingest);
            }
        }
    }

    private static void closeQuietly(Ingest ingest) {
        try {
            ingest.close();
        } catch (IOException ignored) {
            // committed or aborted already: closing has nothing left to keep
        }
    }

    private static void commit(RepositorySession session, Ingest ingest, Digest digest) throws IOException {
        try {
            ingest.commit();
        } catch (BerthException e) {
            throw mismatch(session, digest, e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("digest")) {
                throw mismatch(session, digest, e);
            }
            throw e;
        }
    }

    private static BerthException mismatch(RepositorySession session, Digest expected, Exception cause) {
        String detail = cause.getMessage();
        String advice = detail != null && detail.contains("deleted") ? ""
                : " (the partial download was deleted; pull again, and if it persists the registry serves corrupt"
                        + " content)";
        return new BerthException(ErrorCategory.FAILED_PRECONDITION, expected.toString(), "blob " + expected
                + " from " + session.host() + "/" + session.repository() + " failed verification: " + detail + advice,
                cause);
    }

    private Outcome transfer(RepositorySession session, Descriptor blob, Ingest ingest, long offset,
            LayerReporter report, AtomicBoolean abandoned) throws IOException {
        IngestSink sink = new IngestSink(ingest.output(), blob.size() - offset,
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
        try {
            return session.exchange(call, handler, sink::written, context.config().idleTimeout()).body();
        } catch (IOException e) {
            if (storeFailure(e)) {
                throw new IngestSink.StoreFailure(e);
            }
            throw new NetworkFailure(e);
        }
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
