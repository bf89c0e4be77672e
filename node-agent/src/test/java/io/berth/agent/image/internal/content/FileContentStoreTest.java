package io.berth.agent.image.internal.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.agent.image.Digest;
import io.berth.agent.image.Ingest;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentStoreTest {
    @TempDir
    Path root;

    private static final byte[] DATA = "hello, content store\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    private static final Digest DIGEST = Digest.sha256(DATA);

    @Test
    void whenIngestCommits_thenBlobIsReadableAndReadOnly() throws Exception {
        FileContentStore store = new FileContentStore(root);
        try (Ingest ingest = store.ingest(DIGEST, DATA.length)) {
            assertEquals(0, ingest.offset());
            ingest.output().write(DATA);
            assertEquals(DIGEST, ingest.commit());
        }
        assertEquals(DATA.length, store.size(DIGEST).getAsLong());
        try (InputStream in = store.open(DIGEST)) {
            assertArrayEquals(DATA, in.readAllBytes());
        }
        assertFalse(Files.isWritable(store.path(DIGEST)) && !isRoot());
        assertTrue(store.list().contains(DIGEST));
        assertTrue(Files.notExists(root.resolve("ingest").resolve(DIGEST.hex())));
    }

    @Test
    void whenIngestIsInterrupted_thenTheNextOneResumesFromThePartialFile() throws Exception {
        FileContentStore store = new FileContentStore(root);
        try (Ingest first = store.ingest(DIGEST, DATA.length)) {
            first.output().write(DATA, 0, 5000);
        }
        try (Ingest second = store.ingest(DIGEST, DATA.length)) {
            assertEquals(5000, second.offset());
            second.output().write(DATA, 5000, DATA.length - 5000);
            second.commit();
        }
        try (InputStream in = store.open(DIGEST)) {
            assertArrayEquals(DATA, in.readAllBytes());
        }
    }

    @Test
    void whenContentDoesNotMatch_thenCommitNamesBothDigestsAndDeletesThePartial() throws Exception {
        FileContentStore store = new FileContentStore(root);
        byte[] wrong = Arrays.copyOf(DATA, DATA.length);
        wrong[10] = 'X';
        Ingest ingest = store.ingest(DIGEST, DATA.length);
        ingest.output().write(wrong);
        BerthException e = assertThrows(BerthException.class, ingest::commit);
        assertEquals(ErrorCategory.FAILED_PRECONDITION, e.category());
        assertTrue(e.getMessage().contains("expected " + DIGEST), e.getMessage());
        assertTrue(e.getMessage().contains("got " + Digest.sha256(wrong)), e.getMessage());
        assertFalse(store.has(DIGEST));
        assertTrue(Files.notExists(root.resolve("ingest").resolve(DIGEST.hex())));
        assertEquals(0, store.ingest(DIGEST, DATA.length).offset());
    }

    @Test
    void whenSizeDiffers_thenCommitFails() throws Exception {
        FileContentStore store = new FileContentStore(root);
        Ingest ingest = store.ingest(DIGEST, DATA.length + 1);
        ingest.output().write(DATA);
        assertThrows(BerthException.class, ingest::commit);
        assertFalse(store.has(DIGEST));
    }

    @Test
    void whenTwoIngestsOfOneDigestRace_thenTheSecondWaitsAndFindsTheBlob() throws Exception {
        FileContentStore store = new FileContentStore(root);
        Ingest first = store.ingest(DIGEST, DATA.length);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try (Ingest ingest = store.ingest(DIGEST, DATA.length)) {
                long offset = ingest.offset();
                ingest.commit();
                return offset;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        started.await();
        assertFalse(second.isDone());
        first.output().write(DATA);
        first.commit();
        assertEquals(DATA.length, second.get(10, TimeUnit.SECONDS));
    }

    @Test
    void whenContentOfUnknownDigestIsWritten_thenItIsStoredUnderItsDigest() throws Exception {
        FileContentStore store = new FileContentStore(root);
        assertEquals(DIGEST, store.write(new ByteArrayInputStream(DATA)));
        assertEquals(DIGEST, store.put(DATA));
        assertTrue(store.delete(DIGEST));
        assertFalse(store.has(DIGEST));
        BerthException e = assertThrows(BerthException.class, () -> store.open(DIGEST));
        assertEquals(ErrorCategory.NOT_FOUND, e.category());
        try (var files = Files.list(root.resolve("ingest"))) {
            assertEquals(0, files.count());
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
