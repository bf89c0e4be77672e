package io.berth.compose.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class JsonReaderTest {
    @Test
    void whenReadingScalars_thenTypesMatchSnakeYamlEngine() {
        assertEquals(Arrays.asList("s", 1, 3_000_000_000L, new BigInteger("99999999999999999999"), 1.5, -2.0E-3,
                true, false, null), JsonReader.read(
                        "[\"s\", 1, 3000000000, 99999999999999999999, 1.5, -2e-3, true, false, null]"));
    }

    @Test
    void whenReadingObjects_thenKeyOrderIsKept() {
        Object tree = JsonReader.read("{\"b\": 1, \"a\": {\"z\": [], \"y\": {}}}");
        assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) tree).keySet()));
        assertEquals(List.of("z", "y"), List.copyOf(((Map<?, ?>) ((Map<?, ?>) tree).get("a")).keySet()));
    }

    @Test
    void whenStringsHaveEscapes_thenTheyAreDecoded() {
        assertEquals("q\" b\\ s/ \b\f\n\r\t µ 😀", JsonReader.read("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00b5 \\ud83d\\ude00\""));
    }

    @Test
    void whenJsonIsMalformed_thenErrorNamesLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonReader.read("{\n  \"a\": 1,\n}"));
        assertEquals("invalid JSON at line 3, column 1: expected a key in double quotes", e.getMessage());
        for (String bad : List.of("", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "\"a", "nul", "[1] 2",
                "{\"a\": 1, \"a\": 2}", "\"tab\there\"")) {
            assertThrows(IllegalArgumentException.class, () -> JsonReader.read(bad), () -> "accepted " + bad);
        }
    }

    @Test
    void whenReadingTheComposeSchema_thenTheTreeEqualsSnakeYamlEnginesOne() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream(SchemaValidator.COMPOSE_SCHEMA_RESOURCE)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Object expected = new Load(LoadSettings.builder().build()).loadFromString(json);
        Object actual = JsonReader.read(json);
        assertEquals(expected, actual);
        assertTrue(((Map<?, ?>) actual).containsKey("$defs"));
    }
}
