package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.cli.client.FakeDaemon;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class VersionCommandTest {
    private static final String NOBODY = "unix:///tmp/bt-no-daemon-here/berth.sock";
    private final CliHarness berth = new CliHarness();

    @Test
    void whenNoDaemonAnswers_thenTheClientIsDescribedAndDockersCannotConnectLineFollows() {
        CliHarness.Result r = berth.run("-H", NOBODY, "version");

        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("Client:\n Version:        9.9.9-test\n"), r.out());
        assertEquals("Cannot connect to the Berth daemon at " + NOBODY + ". Is berthd running?\n", r.err());
    }

    @Test
    void whenTheDaemonAnswers_thenTheServerSectionComesFromGetVersion() throws IOException {
        try (FakeDaemon daemon = new FakeDaemon()) {
            daemon.json("GET /version", 200, "{\"Platform\":{\"Name\":\"Berth Engine\"},\"Version\":\"0.1.0\","
                    + "\"ApiVersion\":\"1.43\",\"MinAPIVersion\":\"1.24\",\"Os\":\"linux\",\"Arch\":\"amd64\","
                    + "\"Components\":[{\"Name\":\"Engine\",\"Version\":\"0.1.0\"},{\"Name\":\"runc\","
                    + "\"Version\":\"1.1.5\",\"Details\":{\"GitCommit\":\"\"}}]}");

            CliHarness.Result r = berth.run("-H", daemon.host(), "version");

            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().endsWith("\nServer: Berth Engine\n Engine:\n  Version:       0.1.0\n"
                    + "  API version:   1.43 (minimum version 1.24)\n  OS/Arch:       linux/amd64\n runc:\n"
                    + "  Version:       1.1.5\n  GitCommit:     \n"), r.out());
            assertEquals("0.1.0\n", berth.run("-H", daemon.host(), "version", "-f", "{{.Server.Version}}").out());
        }
    }

    @Test
    void whenVersionIsAskedAsJson_thenOneJsonObjectIsPrinted() {
        assertEquals("{\"Client\":{\"Version\":\"9.9.9-test\",\"JavaVersion\":\"25 (Test JVM)\",\"Os\":\"linux\","
                + "\"Arch\":\"amd64\"},\"Server\":null}\n", berth.run("-H", NOBODY, "version", "--format", "json").out());
    }

    @Test
    void whenVersionGetsATemplate_thenItIsExecuted() {
        assertEquals("9.9.9-test linux\n", berth.run("-H", NOBODY, "version", "--format",
                "{{.Client.Version}} {{.Client.Os}}").out());
    }

    @Test
    void whenTheVersionFlagIsGiven_thenOneLine() {
        assertEquals("Berth version 9.9.9-test\n", berth.run("--version").out());
    }

    @Test
    void whenComposeVersionIsAsked_thenEachFormatWorks() {
        assertEquals("Berth Compose version 9.9.9-test\n", berth.run("compose", "version").out());
        assertEquals("9.9.9-test\n", berth.run("compose", "version", "--short").out());
        assertEquals("{\"version\":\"9.9.9-test\"}\n", berth.run("compose", "version", "-f", "json").out());
    }
}
