package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionCommandTest {
    private final CliHarness berth = new CliHarness();

    @Test
    void whenVersionIsAsked_thenTheClientIsDescribedAndTheMissingServerSaidSo() {
        CliHarness.Result r = berth.run("version");

        assertEquals(0, r.code());
        assertTrue(r.out().contains(" Version:        9.9.9-test\n"), r.out());
        assertTrue(r.out().contains("does not include the Berth daemon"), r.out());
    }

    @Test
    void whenVersionIsAskedAsJson_thenOneJsonObjectIsPrinted() {
        assertEquals("{\"Client\":{\"Version\":\"9.9.9-test\",\"JavaVersion\":\"25 (Test JVM)\",\"Os\":\"linux\","
                + "\"Arch\":\"amd64\"},\"Server\":null}\n", berth.run("version", "--format", "json").out());
    }

    @Test
    void whenVersionGetsATemplate_thenExit2() {
        assertEquals(2, berth.run("version", "--format", "{{.Client.Version}}").code());
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
