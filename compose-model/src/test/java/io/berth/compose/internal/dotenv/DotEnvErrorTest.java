package io.berth.compose.internal.dotenv;

import io.berth.compose.internal.interpolation.InterpolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Env files that cannot be read, and reading from disk: messages as compose-go words them, with file and line. */
class DotEnvErrorTest {
    private static final Function<String, String> NOTHING = name -> null;

    private static Map<String, String> parse(String content) {
        return DotEnv.parse(content, ".env", NOTHING);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("lol$wut", 1, "unexpected character \"$\" in variable name \"lol$wut\""),
                Arguments.of("%!(EXTRA string)=foo", 1,
                        "unexpected character \"%\" in variable name \"%!(EXTRA string)=foo\""),
                Arguments.of("A=1\n\n# c\nexport B!=2\nC=3", 4, "unexpected character \"!\" in variable name \"B!=2\""),
                Arguments.of("A=1\nB\t\u00e9\u0001=2\r\n", 2,
                        "unexpected character \"\\x01\" in variable name \"B\\té\\x01=2\\r\""),
                Arguments.of("""
                        # some comments
                        foo="
                          a
                          multine
                          value
                        "
                        INVALID LINE
                        zot=qix""", 7, "key cannot contain a space"),
                Arguments.of("A B=1", 1, "key cannot contain a space"),
                // compose-go says line 2 here: it stops counting lines after a bare key with trailing blanks
                Arguments.of("A=1\nKEY \nB!", 3, "unexpected character \"!\" in variable name \"B!\""),
                Arguments.of("export ", 1, "zero length string"),
                Arguments.of("KEY=\"", 1, "unterminated quoted value \""),
                Arguments.of("KEY=\"value", 1, "unterminated quoted value \"value"),
                Arguments.of("KEY=\"value\\\"", 1, "unterminated quoted value \"value\\\""),
                Arguments.of("KEY=\"value'", 1, "unterminated quoted value \"value'"),
                Arguments.of("KEY='", 1, "unterminated quoted value '"),
                Arguments.of("KEY='value", 1, "unterminated quoted value 'value"),
                Arguments.of("KEY='value\\'", 1, "unterminated quoted value 'value\\'"),
                Arguments.of("KEY='value\"", 1, "unterminated quoted value 'value\""),
                // compose-go gives the last line of the file; we give the line where the value starts
                Arguments.of("A=1\nKEY=\"first\nsecond\nB=2", 2, "unterminated quoted value \"first"),
                Arguments.of("A=1\nRESULT=${UNSET_VAR:?Test error}", 2,
                        "required variable UNSET_VAR is missing a value: Test error"),
                Arguments.of("E=\nRESULT=\"${E:?Test error}\"", 2, "required variable E is missing a value: Test error"),
                Arguments.of("RESULT=${UNSET_VAR?Test error}", 1,
                        "required variable UNSET_VAR is missing a value: Test error"),
                Arguments.of("RESULT=${ x}", 1, "Invalid template: \"${ x}\""));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("errors")
    void whenFileIsMalformed_thenErrorNamesFileLineAndProblemInComposeGoWords(String content, int line,
                                                                             String problem) {
        DotEnvException e = assertThrows(DotEnvException.class, () -> DotEnv.parse(content, "app.env", NOTHING));
        assertEquals("app.env", e.file());
        assertEquals(line, e.line());
        assertEquals(problem, e.problem());
        assertEquals("failed to read app.env: line " + line + ": " + problem, e.getMessage());
    }

    @Test
    void whenExpansionFails_thenCauseIsTheInterpolationError() {
        DotEnvException e = assertThrows(DotEnvException.class, () -> parse("A=${B:?needed}"));
        InterpolationException cause = assertInstanceOf(InterpolationException.class, e.getCause());
        assertEquals("B", cause.variable());
    }

    @Test
    void whenFileStartsWithByteOrderMark_thenItIsIgnored(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.env");
        Files.write(file, "\uFEFFOPTION_A=1\nOPTION_B=2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("OPTION_A", "1", "OPTION_B", "2"), DotEnv.read(file, NOTHING));
        assertEquals(Map.of("OPTION_A", "1"), parse("\uFEFFOPTION_A=1"));
    }

    @Test
    void whenFileIsRead_thenItIsDecodedAsUtf8AndErrorsNameIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.env");
        Files.writeString(file, "NAME=\"é\"\nBAD LINE\n", StandardCharsets.UTF_8);
        DotEnvException e = assertThrows(DotEnvException.class, () -> DotEnv.read(file, NOTHING));
        assertEquals("failed to read " + file + ": line 2: key cannot contain a space", e.getMessage());
        Files.writeString(file, "NAME=\"é\"\n", StandardCharsets.UTF_8);
        assertEquals(Map.of("NAME", "é"), DotEnv.read(file, NOTHING));
    }

    @Test
    void whenFileIsMissing_thenErrorSaysItCouldNotBeFound(@TempDir Path dir) {
        Path missing = dir.resolve("nope.env");
        DotEnvException e = assertThrows(DotEnvException.class, () -> DotEnv.read(missing, NOTHING));
        assertEquals("couldn't find env file: " + missing.toAbsolutePath(), e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void whenPathIsADirectory_thenErrorSaysSo(@TempDir Path dir) {
        DotEnvException e = assertThrows(DotEnvException.class, () -> DotEnv.read(dir, NOTHING));
        assertEquals(dir.toAbsolutePath() + " is a directory", e.getMessage());
    }
}
