package io.berth.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullProgressTest {
    private static final String STREAM = String.join("\n",
            "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}",
            "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"aaa\"}",
            "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"bbb\"}",
            "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1000000,\"total\":4000000},\"id\":\"aaa\"}",
            "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"aaa\"}",
            "{\"status\":\"Digest: sha256:abc\"}",
            "");

    private static String render(boolean terminal, String stream) throws IOException {
        StringWriter out = new StringWriter();
        new PullProgress(new PrintWriter(out), terminal, 200, Instant.ofEpochSecond(100))
                .render(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
        return out.toString();
    }

    @Test
    void whenPiped_thenPlainLinesWithoutProgressBars() throws IOException {
        assertEquals("latest: Pulling from library/busybox\naaa: Pulling fs layer\nbbb: Pulling fs layer\n"
                + "aaa: Pull complete\nDigest: sha256:abc\n", render(false, STREAM));
    }

    @Test
    void whenOnATerminal_thenEachLayerLineIsRewrittenInPlace() throws IOException {
        String e = "\033";
        assertEquals("latest: Pulling from library/busybox\n"
                + "\n" + e + "[1A" + e + "[2K\raaa: Pulling fs layer \r" + e + "[1B"
                + "\n" + e + "[1A" + e + "[2K\rbbb: Pulling fs layer \r" + e + "[1B"
                + e + "[2A" + e + "[2K\raaa: Downloading [============>                                      ]"
                + "      1MB/4MB\r" + e + "[2B"
                + e + "[2A" + e + "[2K\raaa: Pull complete \r" + e + "[2B"
                + "Digest: sha256:abc\n", render(true, STREAM));
    }

    @Test
    void whenTheBarHasAStartTime_thenTimeLeftIsShown() {
        PullProgress p = new PullProgress(new PrintWriter(new StringWriter()), true, 80, Instant.ofEpochSecond(110));
        assertEquals("   2.5MB/10MB 30s", p.bar(Map.of("current", 2_500_000L, "total", 10_000_000L, "start", 100L)));
        assertEquals("   512kB", p.bar(Map.of("current", 512_000L)));
        assertEquals("", p.bar(Map.of()));
    }

    @Test
    void whenTheStreamCarriesAnError_thenRenderingStopsWithItsMessage() {
        PullProgress.StreamError e = assertThrows(PullProgress.StreamError.class, () -> render(false,
                "{\"status\":\"Pulling from x\"}\n{\"errorDetail\":{\"message\":\"manifest unknown\"},"
                        + "\"error\":\"manifest unknown\"}\n"));
        assertEquals("manifest unknown", e.getMessage());
    }
}
