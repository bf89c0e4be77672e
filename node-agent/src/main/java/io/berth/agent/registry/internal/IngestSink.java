package io.berth.agent.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Streams a blob body straight into an ingest's output as the HTTP client hands over buffers (no intermediate
 * queue), refusing more bytes than the descriptor allows, and stopping the
 * exchange when a sibling transfer failed. Demand stays a few batches ahead, so a slow disk slows the socket.
 */
final class IngestSink implements HttpResponse.BodySubscriber<Long> {
    /** Batches asked for ahead: enough to keep the selector from waking for every batch, few enough to bound memory. */
    private static final int IN_FLIGHT = 8;

    private final OutputStream out;
    private final long limit;
    private final LongConsumer progress;
    private final BooleanSupplier abandoned;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private volatile long written;
    private Flow.Subscription subscription;
    private byte[] scratch;

    /**
     * @param limit the most bytes this body may carry
     * @param progress told the running total after each batch (on the HTTP client's thread)
     * @param abandoned polled after each batch; true cancels the exchange
     */
    IngestSink(OutputStream out, long limit, LongConsumer progress, BooleanSupplier abandoned) {
        this.out = out;
        this.limit = limit;
        this.progress = progress;
        this.abandoned = abandoned;
    }

    long written() {
        return written;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(IN_FLIGHT);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        try {
            long total = written;
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if (total + n > limit) {
                    throw new IOException("the registry sent more than the " + limit + " bytes the manifest names");
                }
                write(b);
                total += n;
            }
            written = total;
            progress.accept(total);
            if (abandoned.getAsBoolean()) {
                fail(new IOException("abandoned: another transfer of this operation failed"));
                return;
            }
            subscription.request(1);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** A failure of the content store while a body streams in: not the network's fault, not worth a retry. */
    static final class StoreFailure extends IOException {
        private static final long serialVersionUID = 1L;

        StoreFailure(IOException cause) {
            super("the content store failed: " + cause.getMessage(), cause);
        }
    }

    private void write(ByteBuffer b) throws IOException {
        try {
            writeUnchecked(b);
        } catch (IOException e) {
            throw new StoreFailure(e);
        }
    }

    private void writeUnchecked(ByteBuffer b) throws IOException {
        if (b.hasArray()) {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            b.position(b.limit());
            return;
        }
        if (scratch == null) {
            scratch = new byte[64 * 1024];
        }
        while (b.hasRemaining()) {
            int n = Math.min(scratch.length, b.remaining());
            b.get(scratch, 0, n);
            out.write(scratch, 0, n);
        }
    }

    private void fail(Throwable t) {
        subscription.cancel();
        result.completeExceptionally(t);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        try {
            out.flush();
            result.complete(written);
        } catch (IOException e) {
            result.completeExceptionally(e);
        }
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }
}
