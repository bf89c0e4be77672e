package io.berth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The compose conformance sample ({@code ../shared/compose-conformance}, beside the repository) against the
 * built {@code bin/berth}: {@code berth config --format json -f ...} must print what {@code docker compose config}
 * printed for each case, or fail as it did. Prints check.sh's output, including its closing
 * {@code N passed, M failed} line, and fails listing the failing cases (less the known failures listed in
 * {@code conformance-known-failures.txt}, which are reported but tolerated).
 */
class ConformanceIT {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");
    private static final Pattern FAIL = Pattern.compile("(?m)^FAIL (\\S+): (.*)$");

    @Test
    void whenTheConformanceSampleRuns_thenEveryCasePasses() throws IOException, InterruptedException {
        Path check = Path.of(System.getProperty("berth.shared", "../../shared"))
                .resolve("compose-conformance/check.sh").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(check),
                "no conformance corpus at " + check + " (shared/ is beside the repository in CI)");
        Path berth = BerthProcess.dist().resolve("bin/berth");

        ProcessBuilder pb = new ProcessBuilder("bash", check.toString(), "-j", "2", "--timeout", "60")
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("CONFIG_CMD", berth + " config --format json -f {files}");
        Process p = pb.start();
        String output = readAll(p.getInputStream());
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "check.sh did not finish");
        System.out.println("--- compose conformance (" + check + ")");
        System.out.print(output);

        Matcher summary = SUMMARY.matcher(output);
        if (!summary.find()) {
            fail("check.sh printed no 'N passed, M failed' line (exit " + p.exitValue() + "):\n" + output);
        }
        Set<String> known = knownFailures();
        List<String> unexpected = new ArrayList<>();
        List<String> tolerated = new ArrayList<>();
        Matcher m = FAIL.matcher(output);
        while (m.find()) {
            (known.contains(m.group(1)) ? tolerated : unexpected).add(m.group(1) + ": " + m.group(2));
        }
        if (!tolerated.isEmpty()) {
            System.out.println("known failures (conformance-known-failures.txt): " + tolerated.size());
        }
        System.out.println("conformance: " + summary.group(1) + " passed, " + summary.group(2) + " failed");
        if (!unexpected.isEmpty()) {
            fail(unexpected.size() + " conformance case(s) failed:\n  " + String.join("\n  ", unexpected));
        }
        assertEquals(Integer.parseInt(summary.group(2)), tolerated.size(), "every FAIL line was read");
    }

    private static Set<String> knownFailures() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = ConformanceIT.class.getResourceAsStream("/conformance-known-failures.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.replaceFirst("#.*", "").trim();
                if (!name.isEmpty()) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }
}
