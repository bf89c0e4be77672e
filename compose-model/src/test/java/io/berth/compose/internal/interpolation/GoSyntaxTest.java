package io.berth.compose.internal.interpolation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go's %q, which compose-go's messages use to quote user input. */
class GoSyntaxTest {
    static Stream<Arguments> quotes() {
        return Stream.of(
                Arguments.of("", "\"\""),
                Arguments.of("${ foo}", "\"${ foo}\""),
                Arguments.of("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\""),
                Arguments.of("a\tb\nc\rd", "\"a\\tb\\nc\\rd\""),
                Arguments.of("\u0007\b\f\u000B", "\"\\a\\b\\f\\v\""),
                Arguments.of("\u0000\u001b\u007f", "\"\\x00\\x1b\\x7f\""),
                Arguments.of("é ü 日本 \uD83D\uDE00", "\"é ü 日本 \uD83D\uDE00\""),
                Arguments.of("nbsp\u00A0zwsp\u200Bbom\uFEFF", "\"nbsp\\u00a0zwsp\\u200bbom\\ufeff\""),
                Arguments.of("\uDB40\uDC01", "\"\\U000e0001\""));
    }

    @ParameterizedTest
    @MethodSource("quotes")
    void whenStringIsQuoted_thenOutputIsGosPercentQ(String in, String expected) {
        assertEquals(expected, GoSyntax.quote(in));
    }
}
