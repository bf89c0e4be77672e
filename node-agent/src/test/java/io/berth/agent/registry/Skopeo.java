package io.berth.agent.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's skopeo (with no network policy beyond the loopback registry the test names). */
final class Skopeo {
    private Skopeo() {
    }

    static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/skopeo", "--insecure-policy"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("skopeo timed out: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException("skopeo failed (" + p.exitValue() + "): " + command + "\n" + out);
        }
        return out;
    }
}
