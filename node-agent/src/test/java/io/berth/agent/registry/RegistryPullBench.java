package io.berth.agent.registry;

import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pulls an image into a fresh file-backed store, for {@code e2e/bench/registry-pull.sh}:
 * {@code RegistryPullBench REFERENCE STORE_DIR [REPEAT]}. With REPEAT &gt; 1 it pulls that many times in one JVM
 * (each into an empty store) and prints each time and the median of the warm runs, which is what a running
 * daemon pays.
 */
public final class RegistryPullBench {
    private RegistryPullBench() {
    }

    public static void main(String[] args) throws Exception {
        ImageReference ref = ImageReference.parse(args[0]);
        Path root = Path.of(args[1]);
        int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        ExecutorService executor = Executors.newFixedThreadPool(3);
        RegistryClient client = RegistryClient.create(RegistryConfig.defaults(), CredentialStore.none(), executor,
                Clock.systemUTC());
        long[] millis = new long[repeat];
        try {
            for (int i = 0; i < repeat; i++) {
                Path dir = repeat == 1 ? root : root.resolve("run" + i);
                TestBlobStore store = new TestBlobStore(dir);
                long start = System.nanoTime();
                PullResult result = client.pull(ref, Platform.LINUX_AMD64, store, store, PullListener.NONE);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                if (repeat > 1) {
                    System.out.printf("pull %d: %d ms (%s)%n", i + 1, millis[i], result.manifestDigest().shortHex());
                    RegistryServer.deleteTree(dir);
                }
            }
        } finally {
            client.close();
            executor.shutdownNow();
        }
        if (repeat > 2) {
            long[] warm = Arrays.copyOfRange(millis, 1, repeat);
            Arrays.sort(warm);
            System.out.printf("median of %d warm pulls: %d ms (first, cold: %d ms)%n", warm.length,
                    warm[warm.length / 2], millis[0]);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("nothing stored");
        }
    }
}
