package io.berth.agent.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: a main that measures create + start + wait for exit of {@code true} through the API (and delete,
 * separately), and conmon's resident memory, for the README. Run as root:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.berth.agent.runtime.RuntimeBench 50}.
 */
public final class RuntimeBench {
    private RuntimeBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        try (RuntimeFixture fx = new RuntimeFixture()) {
            System.out.println("runtime: " + fx.runtime.info());
            List<Double> run = new ArrayList<>();
            List<Double> del = new ArrayList<>();
            List<Double> create = new ArrayList<>();
            List<Double> start = new ArrayList<>();
            List<Double> wait = new ArrayList<>();
            for (int i = 0; i < runs + 5; i++) {
                ContainerConfig cfg = fx.config("true").build();
                long t0 = System.nanoTime();
                fx.runtime.create(cfg);
                long tc = System.nanoTime();
                fx.runtime.start(cfg.id());
                long ts = System.nanoTime();
                fx.runtime.waitForExit(cfg.id(), Duration.ofSeconds(10));
                long t1 = System.nanoTime();
                if (i >= 5) {
                    create.add((tc - t0) / 1e6);
                    start.add((ts - tc) / 1e6);
                    wait.add((t1 - ts) / 1e6);
                }
                fx.runtime.delete(cfg.id(), false);
                long t2 = System.nanoTime();
                if (i >= 5) {
                    run.add((t1 - t0) / 1e6);
                    del.add((t2 - t1) / 1e6);
                }
            }
            System.out.printf("create+start+wait(true): median %.1f ms, p90 %.1f ms over %d runs%n",
                    pct(run, 50), pct(run, 90), runs);
            System.out.printf("  of which create %.1f ms, start %.1f ms, wait %.1f ms (medians)%n", pct(create, 50),
                    pct(start, 50), pct(wait, 50));
            System.out.printf("delete: median %.1f ms%n", pct(del, 50));
            CreatedContainer c = fx.runtime.create(fx.config("sleep", "100").build());
            fx.runtime.start(c.id());
            String status = Files.readString(Path.of("/proc", Integer.toString(c.conmonPid()), "status"));
            status.lines().filter(l -> l.startsWith("VmRSS") || l.startsWith("RssAnon")).forEach(
                    l -> System.out.println("conmon " + l.replaceAll("\\s+", " ")));
        }
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
