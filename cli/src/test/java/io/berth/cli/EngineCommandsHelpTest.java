package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.cli.engine.EngineCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every engine command builds (no clashing options) and prints its help without touching a daemon. */
class EngineCommandsHelpTest {
    static Stream<String> everyEngineCommand() {
        List<String> paths = new ArrayList<>();
        CommandCatalog.ENGINE.forEach(e -> paths.add(e.name()));
        CommandCatalog.GROUPS.forEach(g -> g.commands().forEach(e -> paths.add(g.name() + " " + e.name())));
        paths.add("container list");
        paths.add("image list");
        paths.add("volume list");
        return paths.stream().filter(EngineCommands::has);
    }

    @ParameterizedTest
    @MethodSource("everyEngineCommand")
    void whenHelpIsAsked_thenItIsPrintedAndNothingConnects(String path) {
        List<String> args = new ArrayList<>(List.of("-H", "unix:///nonexistent/help-test.sock"));
        args.addAll(List.of(path.split(" ")));
        args.add("--help");

        CliHarness.Result r = new CliHarness().run(args.toArray(String[]::new));

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: berth "), r.out());
        assertEquals("", r.err());
    }
}
