package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The tree is built along the command line only, and whole when the command line names nothing known. */
class CommandTreeTest {
    private final CliContext ctx = new CliContext(Map.of(), Path.of("/"), () -> new byte[0],
            o -> null, "v", "r", "linux/amd64");
    private final PrintWriter sink = new PrintWriter(Writer.nullWriter());

    private CommandLine tree(String... args) {
        return CommandTree.build(args, ctx, sink, sink);
    }

    @Test
    void whenACommandIsNamed_thenOnlyItIsBuilt() {
        assertEquals(Set.of("config"), tree("config", "-f", "a.yaml").getSubcommands().keySet());
    }

    @Test
    void whenRootOptionsTakeValues_thenTheirValuesAreNotTakenForTheCommand() {
        assertEquals(Set.of("ps"), tree("-H", "config", "ps").getSubcommands().keySet());
    }

    @Test
    void whenComposeGlobalsPrecedeTheSubcommand_thenTheSubcommandIsStillFound() {
        CommandLine compose = tree("compose", "-f", "up", "-p", "x", "--profile", "config", "config")
                .getSubcommands().get("compose");

        assertEquals(Set.of("config"), compose.getSubcommands().keySet());
    }

    @Test
    void whenNothingKnownIsNamed_thenTheWholeLevelIsBuiltForHelpAndSuggestions() {
        CommandLine root = tree("--help");

        assertTrue(root.getSubcommands().keySet().containsAll(List.of("up", "down", "config", "compose", "image",
                "run", "ps", "version")), root.getSubcommands().keySet().toString());
        assertTrue(root.getSubcommands().get("compose").getSubcommands().containsKey("up"));
        assertEquals(root.getSubcommands().keySet(), tree("psx").getSubcommands().keySet());
    }

    @Test
    void whenAGroupIsNamedWithoutSubcommand_thenAllItsCommandsAreBuilt() {
        CommandLine image = tree("image").getSubcommands().get("image");

        assertTrue(image.getSubcommands().keySet().containsAll(List.of("ls", "rm", "pull", "tag")));
    }
}
