package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** CONVENTIONS rule 2: the command line sees compose-model's API only, never its internal packages. */
class ArchitectureTest {

    @Test
    void whenTheCliIsCompiled_thenNoSourceImportsAnotherModulesInternals() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(ArchitectureTest::usesInternals)
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static boolean usesInternals(Path file) {
        try {
            return Files.readString(file).matches("(?s).*\\bio\\.berth\\.(?!cli\\b)\\w+\\.internal\\b.*");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
