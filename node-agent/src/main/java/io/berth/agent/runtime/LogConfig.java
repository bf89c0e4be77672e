package io.berth.agent.runtime;

/**
 * Docker's json-file/k8s-file log options: {@code maxSize} in bytes (0: unlimited) and {@code maxFile} (at least 1,
 * only meaningful with a max size).
 */
public record LogConfig(long maxSize, int maxFile) {
    public LogConfig {
        if (maxSize < 0) {
            throw new IllegalArgumentException("log max-size must not be negative");
        }
        if (maxFile < 1) {
            throw new IllegalArgumentException("log max-file must be at least 1, got " + maxFile);
        }
    }

    public static LogConfig unlimited() {
        return new LogConfig(0, 1);
    }
}
