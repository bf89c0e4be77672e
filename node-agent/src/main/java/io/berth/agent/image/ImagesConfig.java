package io.berth.agent.image;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What {@link Images#open} needs: the data root (short: snapshot and container paths go in mount options),
 * who uses images ({@link ImageUsage}), how names are normalized, the clock, and how many threads unpack and
 * compress ({@code threads}, normally the number of cores).
 */
public record ImagesConfig(Path dataRoot, ImageUsage usage, ReferenceNormalizer names, Clock clock, int threads) {
    public ImagesConfig {
        if (dataRoot == null || !dataRoot.isAbsolute()) {
            throw new IllegalArgumentException("the data root must be an absolute path, got " + dataRoot);
        }
        threads = Math.max(1, threads);
    }

    public static ImagesConfig defaults(Path dataRoot) {
        return new ImagesConfig(dataRoot, ImageUsage.NONE, ReferenceNormalizer.DOCKER, Clock.systemUTC(),
                Runtime.getRuntime().availableProcessors());
    }

    public ImagesConfig withUsage(ImageUsage newUsage) {
        return new ImagesConfig(dataRoot, newUsage, names, clock, threads);
    }
}
