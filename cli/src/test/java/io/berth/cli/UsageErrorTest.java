package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UsageErrorTest {

    @Test
    void whenTheCommandIsUnknown_thenExit2WithASuggestionAndAHint() {
        CliHarness.Result r = new CliHarness().run("psx");

        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("berth: "), r.err());
        assertTrue(r.err().contains("berth ps"), "suggests the near command: " + r.err());
        assertTrue(r.err().endsWith("See 'berth --help'.\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void whenConfigFormatIsNotYamlOrJson_thenExit2BeforeAnythingIsLoaded() {
        CliHarness.Result r = new CliHarness().run("config", "--format", "xml");

        assertEquals(2, r.code());
        assertTrue(r.err().contains("'--format'") && r.err().contains("xml"), r.err());
        assertTrue(r.err().endsWith("See 'berth config --help'.\n"), r.err());
        assertTrue(r.loads().isEmpty());
    }

    @Test
    void whenAnOptionOfConfigIsUnknown_thenExit2NamingIt() {
        CliHarness.Result r = new CliHarness().run("compose", "config", "--frobnicate");

        assertEquals(2, r.code());
        assertTrue(r.err().contains("--frobnicate"), r.err());
        assertTrue(r.err().endsWith("See 'berth compose config --help'.\n"), r.err());
    }

    @Test
    void whenAnsiHasAnUnknownValue_thenExit2() {
        CliHarness.Result r = new CliHarness().run("compose", "--ansi", "sometimes", "config");

        assertEquals(2, r.code());
        assertTrue(r.err().contains("--ansi"), r.err());
    }

    @Test
    void whenAnOptionLacksItsValue_thenExit2() {
        CliHarness.Result r = new CliHarness().run("config", "-f");

        assertEquals(2, r.code());
        assertTrue(r.err().contains("-f"), r.err());
    }

    @Test
    void whenAGroupGetsAnUnknownSubcommand_thenExit2() {
        CliHarness.Result r = new CliHarness().run("image", "frob");

        assertEquals(2, r.code());
        assertTrue(r.err().endsWith("See 'berth image --help'.\n"), r.err());
    }

    @Test
    void whenBerthRunsAlone_thenItPrintsItsHelpAndExits0() {
        CliHarness.Result r = new CliHarness().run();

        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: berth"), r.out());
        assertTrue(r.out().contains("compose"), r.out());
    }
}
