package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.LoadOptions;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The compose global options, before and after the subcommand, as they reach {@link LoadOptions}. */
class ComposeOptionsTest {
    private final CliHarness berth = new CliHarness().project(Projects.shop());

    @Test
    void whenFilesPrecedeTheSubcommand_thenTheyAreLoaded() {
        LoadOptions o = berth.run("compose", "-f", "a.yml", "config").load();

        assertEquals(List.of("a.yml"), o.files());
    }

    @Test
    void whenFilesFollowTheShortcut_thenTheyAreLoadedInOrder() {
        // This is how the conformance checker calls it.
        CliHarness.Result r = berth.run("config", "--format", "json", "-f", "a.yaml", "-f", "b.yaml");

        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("a.yaml", "b.yaml"), r.load().files());
    }

    @Test
    void whenFilesAreGivenOnBothSides_thenTheOuterComeFirst() {
        LoadOptions o = berth.run("compose", "-f", "a.yml", "--file", "b.yml", "config", "-f", "c.yml").load();

        assertEquals(List.of("a.yml", "b.yml", "c.yml"), o.files());
    }

    @Test
    void whenEveryGlobalPrecedesTheSubcommand_thenEachReachesTheLoader() {
        LoadOptions o = berth.run("compose", "-p", "demo", "--project-directory", "sub/dir", "--env-file", "a.env",
                "--env-file", "b.env", "--profile", "debug", "--profile", "tools", "--ansi", "never",
                "--progress", "plain", "config").load();

        assertEquals("demo", o.projectName());
        assertEquals(Path.of("/work/app/sub/dir"), o.projectDirectory());
        assertEquals(List.of("a.env", "b.env"), o.envFiles());
        assertEquals(List.of("debug", "tools"), o.profiles());
    }

    @Test
    void whenEveryGlobalFollowsTheShortcut_thenEachReachesTheLoader() {
        LoadOptions o = berth.run("config", "--project-name", "demo", "--project-directory", "/abs",
                "--env-file", "a.env", "--profile", "debug", "--ansi", "always", "--progress", "quiet").load();

        assertEquals("demo", o.projectName());
        assertEquals(Path.of("/abs"), o.projectDirectory());
        assertEquals(List.of("a.env"), o.envFiles());
        assertEquals(List.of("debug"), o.profiles());
    }

    @Test
    void whenAProjectNameIsGivenOnBothSides_thenTheInnerWins() {
        LoadOptions o = berth.run("compose", "-p", "outer", "config", "-p", "inner").load();

        assertEquals("inner", o.projectName());
    }

    @Test
    void whenNothingIsGiven_thenTheLoaderGetsEmptyListsAndTheWorkingDirectoryAndEnvironment() {
        LoadOptions o = berth.env("COMPOSE_FILE", "x.yml").run("config").load();

        assertEquals(List.of(), o.files());
        assertNull(o.projectName());
        assertNull(o.projectDirectory());
        assertEquals(Path.of("/work/app"), o.workingDirectory());
        assertEquals("x.yml", o.environment().get("COMPOSE_FILE"), "COMPOSE_FILE is the loader's to read");
        assertTrue(o.interpolate() && o.normalize() && o.resolvePaths() && o.consistency());
    }

    @Test
    void whenTheFileIsDash_thenTheLoaderCanReadStandardInput() {
        LoadOptions o = berth.stdin("services: {}\n").run("config", "-f", "-").load();

        assertEquals(List.of("-"), o.files());
        assertArrayEquals("services: {}\n".getBytes(StandardCharsets.UTF_8), o.stdin().get());
    }

    @Test
    void whenTheNoFlagsAreGiven_thenTheLoaderIsToldToSkipThoseStages() {
        LoadOptions o = berth.run("config", "--no-interpolate", "--no-normalize", "--no-path-resolution",
                "--no-consistency").load();

        assertFalse(o.interpolate());
        assertFalse(o.normalize());
        assertFalse(o.resolvePaths());
        assertFalse(o.consistency());
    }

    @Test
    void whenServicesAreNamed_thenTheyArePassedToTheLoader() {
        LoadOptions o = berth.run("config", "web", "debug").load();

        assertEquals(List.of("web", "debug"), o.services());
    }

    @Test
    void whenServicesAreListed_thenNamedServicesDoNotRestrictTheLoad() {
        // docker compose ignores SERVICE... for --services, --volumes, --networks and --hash.
        LoadOptions o = berth.run("config", "--services", "web").load();

        assertEquals(List.of(), o.services());
    }

    @Test
    void whenBerthHostIsSet_thenItIsTheDefaultHost() {
        CliContext ctx = new CliContext(java.util.Map.of("BERTH_HOST", "tcp://h:1"), Path.of("/"),
                () -> new byte[0], o -> null, "v", "r", "p");
        CommandLine root = CommandTree.build(ctx, new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()));

        root.parseArgs("ps");
        assertEquals("tcp://h:1", EngineOptions.host(root.getParseResult(), ctx));
        root.parseArgs("-H", "unix:///x.sock", "ps");
        assertEquals("unix:///x.sock", EngineOptions.host(root.getParseResult(), ctx));
    }

    @Test
    void whenNeitherHostNorBerthHostIsGiven_thenTheLocalSocketIsUsed() {
        CliContext ctx = new CliContext(java.util.Map.of(), Path.of("/"), () -> new byte[0], o -> null, "v", "r", "p");
        assertEquals("unix:///run/berth/berth.sock", EngineOptions.host(null, ctx));
    }
}
