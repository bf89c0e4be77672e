package io.berth.compose.internal.interpolation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Go's strconv syntax, as the type casts need it: what Go accepts that Java refuses, and the other way round. */
class GoStrconvTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0 | 0", "-0 | 0", "+7 | 7", "007 | 7", "-42 | -42",
            "9223372036854775807 | 9223372036854775807",
            "-9223372036854775808 | -9223372036854775808",
    })
    void whenIntegerIsDecimal_thenItParses(String text, long expected) {
        assertEquals(expected, GoStrconv.atoi(text));
        assertEquals(expected, GoStrconv.parseInt64(text));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''                     | invalid syntax",
            "+                      | invalid syntax",
            "-                      | invalid syntax",
            "0x10                   | invalid syntax",
            "1_000                  | invalid syntax",
            "'1 '                   | invalid syntax",
            "١٢                     | invalid syntax",
            "9223372036854775808    | value out of range",
            "-9223372036854775809   | value out of range",
            "18446744073709551616   | value out of range",
            // Go reads left to right: overflow before the bad character wins, and the other way round
            "99999999999999999999x  | value out of range",
            "9223372036854775808x   | invalid syntax",
    })
    void whenIntegerIsNotGoDecimal_thenErrorIsGos(String text, String problem) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> GoStrconv.atoi(text));
        assertEquals("strconv.Atoi: parsing " + GoSyntax.quote(text) + ": " + problem, e.getMessage());
        e = assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt64(text));
        assertEquals("strconv.ParseInt: parsing " + GoSyntax.quote(text) + ": " + problem, e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1 | 1.0", "-1.5 | -1.5", "+.5 | 0.5", "5. | 5.0", "1e3 | 1000.0", "1E+3 | 1000.0", "1.5e-1 | 0.15",
            "1_000.5 | 1000.5", "1_2.3_4e1_0 | 1.234E11", "0x1p-2 | 0.25", "0X1.8P1 | 3.0", "0x_1p4 | 16.0",
            "inf | Infinity", "+Inf | Infinity", "-infinity | -Infinity", "NaN | NaN", "1e-400 | 0.0",
    })
    void whenFloatIsGoSyntax_thenItParses(String text, double expected) {
        assertEquals(expected, GoStrconv.parseFloat64(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "e5", "1e", "1e_5", "_1", "1_", "1__0", "1_.5", "1._5", "0x10", "0x1.8",
            "0x_p1", "+nan", "infin", "1.0d", "1f", " 1", "1 ", "1,5", "0b101"})
    void whenFloatIsNotGoSyntax_thenInvalidSyntax(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> GoStrconv.parseFloat64(text));
        assertEquals("strconv.ParseFloat: parsing " + GoSyntax.quote(text) + ": invalid syntax", e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {"0.1 | 0.1", "0.123456789 | 0.12345679", "3.4e38 | 3.4E38", "1e-50 | 0.0"})
    void whenFloat32IsParsed_thenValueIsRoundedToFloat32(String text, float expected) {
        assertEquals(expected, GoStrconv.parseFloat32(text));
    }
}
