package io.berth.scheduler;

import io.berth.compose.BerthException;
import io.berth.scheduler.internal.cluster.ClusterSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code berthd}: runs the daemon in the foreground until SIGTERM/SIGINT (for systemd and for the CLI, which
 * starts it in the background). Options: {@code --data-root DIR}, {@code --run-root DIR}, {@code -H
 * unix:///path}, {@code --cluster-address IP}, {@code --cluster-port N}, {@code --join HOST:PORT}
 * (repeatable), {@code --label k=v} (repeatable), {@code --cgroup-parent NAME} (default {@code berth}),
 * {@code --insecure-registry HOST} (repeatable: host, host:port or CIDR allowed over plain HTTP, as Docker's).
 */
public final class Berthd {
    private Berthd() {
    }

    public static void main(String[] args) {
        DaemonConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("berthd: " + e.getMessage());
            System.exit(2);
            return;
        }
        SecureRandom random = new SecureRandom();
        BerthDaemon daemon = new BerthDaemon(config, Clock.systemUTC(), () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
        try {
            daemon.start();
        } catch (BerthException e) {
            System.err.println("berthd: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "berthd-shutdown"));
        System.err.println("berthd: ready on unix://" + config.socket());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static DaemonConfig parse(String[] args) {
        Path dataRoot = DaemonConfig.DEFAULT_DATA_ROOT;
        Path runRoot = DaemonConfig.DEFAULT_RUN_ROOT;
        Path socket = null;
        String address = "127.0.0.1";
        int port = 0;
        List<String> members = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        String cgroupParent = "berth";
        List<String> insecure = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data-root" -> dataRoot = Path.of(value(args, ++i, arg));
                case "--run-root" -> runRoot = Path.of(value(args, ++i, arg));
                case "-H", "--host" -> socket = unixPath(value(args, ++i, arg));
                case "--cluster-address" -> address = value(args, ++i, arg);
                case "--cluster-port" -> port = Integer.parseInt(value(args, ++i, arg));
                case "--join" -> members.add(value(args, ++i, arg));
                case "--cgroup-parent" -> cgroupParent = value(args, ++i, arg);
                case "--insecure-registry" -> insecure.add(value(args, ++i, arg));
                case "--label" -> {
                    String label = value(args, ++i, arg);
                    int eq = label.indexOf('=');
                    labels.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + arg + " (see berthd(8): "
                        + "--data-root, --run-root, -H, --cluster-address, --cluster-port, --join, --label, --cgroup-parent, --insecure-registry)");
            }
        }
        if (socket == null) {
            socket = runRoot.resolve("berth.sock");
        }
        return new DaemonConfig(dataRoot, runRoot, socket, new ClusterSettings("berth", address, port, members),
                labels, cgroupParent, insecure);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[i];
    }

    private static Path unixPath(String host) {
        if (!host.startsWith("unix://")) {
            throw new IllegalArgumentException("-H " + host + ": only unix:///path sockets are supported");
        }
        return Path.of(host.substring("unix://".length()));
    }
}
