package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.cli.engine.EngineCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PendingCommandTest {

    static Stream<String> everyPendingCommand() {
        List<String> paths = new ArrayList<>();
        CommandCatalog.ENGINE.forEach(e -> paths.add(e.name()));
        CommandCatalog.SHORTCUTS.forEach(paths::add);
        CommandCatalog.COMPOSE.forEach(e -> paths.add("compose " + e.name()));
        CommandCatalog.GROUPS.forEach(g -> g.commands().forEach(e -> paths.add(g.name() + " " + e.name())));
        return paths.stream().filter(p -> !EngineCommands.has(p));
    }

    @ParameterizedTest
    @MethodSource("everyPendingCommand")
    void whenACommandNeedsTheDaemon_thenItSaysSoOnOneLineAndExits1(String path) {
        CliHarness.Result r = new CliHarness().run(path.split(" "));

        assertEquals(1, r.code());
        assertEquals("berth " + path + ": is not implemented in this build yet (see the README: networks, builds and compose come next)\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void whenArgumentsFollow_thenTheMessageIsTheSameWhateverWasTyped() {
        String expected = "berth build: is not implemented in this build yet (see the README: networks, builds and compose come next)\n";
        for (String[] args : List.of(
                new String[] {"build"},
                new String[] {"build", "--rm", "-t", "x:1", "--build-arg", "A=1", "."},
                new String[] {"build", ".", "--help"},
                new String[] {"build", "--no-such-flag=1"})) {
            CliHarness.Result r = new CliHarness().run(args);
            assertEquals(1, r.code(), String.join(" ", args));
            assertEquals(expected, r.err(), String.join(" ", args));
        }
    }

    @Test
    void whenComposeGlobalsPrecedeAPendingCommand_thenTheyAreAcceptedAndTheMessageNamesTheCommand() {
        CliHarness.Result r = new CliHarness().run("compose", "-f", "a.yaml", "-p", "demo", "up", "-d", "web");

        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("berth compose up: is not implemented in this build yet"), r.err());
        assertTrue(r.loads().isEmpty(), "a pending command loads nothing");
    }

    @Test
    void whenTheEngineHostIsGiven_thenItIsAcceptedBeforeTheCommand() {
        CliHarness.Result r = new CliHarness().run("-H", "tcp://10.0.0.1:2375", "build", ".");

        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("berth build: is not implemented in this build yet"), r.err());
    }

    @Test
    void whenHelpIsTheFirstArgument_thenThePendingCommandShowsItsHelp() {
        CliHarness.Result r = new CliHarness().run("build", "--help");

        assertEquals(0, r.code());
        assertTrue(r.out().contains("Build an image from a Dockerfile"), r.out());
    }
}
