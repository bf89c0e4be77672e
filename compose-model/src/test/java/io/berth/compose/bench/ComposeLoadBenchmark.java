package io.berth.compose.bench;

import io.berth.compose.ComposeLoader;
import io.berth.compose.ConfigRenderer;
import io.berth.compose.LoadOptions;
import io.berth.compose.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a generated compose file of N services, each with ports, environment, a volume, a dependency, a
 * healthcheck, labels and deploy resources, and printing it as JSON. Target: 1,000 services in under 1 s.
 * Run with {@code e2e/bench/compose-load.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComposeLoadBenchmark {
    @Param({"1000"})
    int services;

    private Path dir;
    private LoadOptions options;
    private final ComposeLoader loader = new ComposeLoader();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("berth-bench-");
        Files.writeString(dir.resolve("compose.yaml"), generate(services));
        options = LoadOptions.builder(dir, Map.of()).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Project load() {
        return loader.load(options);
    }

    @Benchmark
    public String loadAndPrintJson() {
        return ConfigRenderer.json(loader.load(options));
    }

    /** A compose file with {@code n} services shaped like those of real applications. */
    public static String generate(int n) {
        StringBuilder sb = new StringBuilder(n * 400);
        sb.append("name: bench\nservices:\n");
        for (int i = 0; i < n; i++) {
            sb.append("  svc").append(i).append(":\n")
                    .append("    image: registry.local/app").append(i).append(":1.").append(i).append('\n')
                    .append("    ports: [\"").append(10000 + i).append(":80\"]\n")
                    .append("    environment:\n      - IDX=").append(i).append("\n      - MODE=${MODE:-prod}\n")
                    .append("    volumes: [\"data").append(i % 10).append(":/data\"]\n");
            if (i > 0) {
                sb.append("    depends_on: [svc").append(i - 1).append("]\n");
            }
            sb.append("    healthcheck: {test: [CMD, \"true\"], interval: 10s}\n")
                    .append("    labels: {tier: backend}\n")
                    .append("    deploy: {resources: {limits: {cpus: '0.5', memory: 256M}}}\n");
        }
        sb.append("volumes:\n");
        for (int j = 0; j < 10; j++) {
            sb.append("  data").append(j).append(": {}\n");
        }
        return sb.toString();
    }
}
