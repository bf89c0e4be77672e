package io.berth.agent.registry;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * Debian's docker-registry, started for a test on 127.0.0.1 and a free port with its own config (storage in a
 * temporary directory; optionally htpasswd Basic auth made with {@code htpasswd -B}). {@link #close()} stops the
 * process it started (by its PID) and deletes the directory.
 */
public final class RegistryServer implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Path dir;
    private final int port;
    private Process process;

    private RegistryServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a registry; with a user name, Basic auth for that user and password. */
    public static RegistryServer start(String user, String password) throws IOException {
        Path dir = Files.createTempDirectory(scratchRoot(), "registry-");
        RegistryServer server = new RegistryServer(dir, freePort());
        try {
            server.launch(user, password);
            return server;
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /**
     * Where tests keep their files: the module's {@code target/it-scratch} (this machine's /tmp is shared with
     * other people's cleanups), else the system temporary directory.
     */
    public static Path scratchRoot() throws IOException {
        Path target = Path.of("target");
        return Files.isDirectory(target) ? Files.createDirectories(target.resolve("it-scratch").toAbsolutePath())
                : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void launch(String user, String password) throws IOException {
        StringBuilder config = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data")).append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("http:\n  addr: 127.0.0.1:").append(port).append("\n  secret: berth-test-secret\n");
        if (user != null) {
            Path htpasswd = dir.resolve("htpasswd");
            Process p = new ProcessBuilder("htpasswd", "-Bbn", user, password).redirectErrorStream(false).start();
            byte[] line = p.getInputStream().readAllBytes();
            waitFor(p);
            Files.write(htpasswd, line);
            config.append("auth:\n  htpasswd:\n    realm: berth-test\n    path: ").append(htpasswd).append('\n');
        }
        Path file = dir.resolve("config.yml");
        Files.writeString(file, config);
        process = new ProcessBuilder(BINARY.toString(), "serve", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(this::answers);
    }

    private static void waitFor(Process p) throws IOException {
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("htpasswd failed (is apache2-utils installed?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("docker-registry exited: " + log());
        }
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
            c.setConnectTimeout(500);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200 || status == 401;
        } catch (IOException e) {
            return false;
        }
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the registry (SIGTERM, then SIGKILL) without deleting its storage. */
    public void stop() {
        if (process != null && process.isAlive()) {
            ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
            if (handle != null) {
                handle.destroy();
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        deleteTree(dir);
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
