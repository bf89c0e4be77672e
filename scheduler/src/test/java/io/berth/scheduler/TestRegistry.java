package io.berth.scheduler;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Debian's {@code docker-registry}, started by a test on 127.0.0.1 and a free port with its own config and
 * storage under {@code dir} (optionally Basic auth for one user, via {@code htpasswd -B}). {@link #close} stops
 * the process it started, by its PID.
 */
final class TestRegistry implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    private TestRegistry(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static TestRegistry start(Path dir, String user, String password) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TestRegistry registry = new TestRegistry(dir, port);
        try {
            registry.launch(user, password);
        } catch (IOException | InterruptedException | RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    private void launch(String user, String password) throws IOException, InterruptedException {
        StringBuilder config = new StringBuilder("version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data")).append('\n')
                .append("http:\n  addr: 127.0.0.1:").append(port).append("\n  secret: berth-imageapi-test\n");
        if (user != null) {
            Process p = new ProcessBuilder("htpasswd", "-Bbn", user, password).start();
            byte[] line = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("htpasswd failed (apache2-utils installed?)");
            }
            Files.write(dir.resolve("htpasswd"), line);
            config.append("auth:\n  htpasswd:\n    realm: berth-test\n    path: ").append(dir.resolve("htpasswd"))
                    .append('\n');
        }
        Files.writeString(dir.resolve("config.yml"), config);
        process = new ProcessBuilder("/usr/bin/docker-registry", "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(this::answers);
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

    String host() {
        return "127.0.0.1:" + port;
    }

    String log() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
