package io.berth.compose.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaViolationTest {
    @Test
    void whenPathHasKeysAndIndexes_thenPathStringJoinsThemWithDotsAsComposeGoDoes() {
        SchemaViolation violation = new SchemaViolation(List.of("services", "web", "ports", 0), "must be a string");
        assertEquals("services.web.ports.0", violation.pathString());
        assertEquals("services.web.ports.0 must be a string", violation.describe());
        assertEquals(violation.describe(), violation.toString());
    }

    @Test
    void whenPathIsEmpty_thenDescribeIsJustTheMessage() {
        SchemaViolation violation = new SchemaViolation(List.of(), "additional properties 'foo' not allowed");
        assertEquals("", violation.pathString());
        assertEquals("additional properties 'foo' not allowed", violation.describe());
    }

    @Test
    void whenPathListChangesLater_thenTheViolationKeepsItsCopy() {
        List<Object> path = new ArrayList<>(List.of("services"));
        SchemaViolation violation = new SchemaViolation(path, "must be a mapping");
        path.add("web");
        assertEquals(List.of("services"), violation.path());
    }

    @Test
    void whenPathHoldsSomethingElseThanKeysAndIndexes_thenConstructionFails() {
        assertThrows(IllegalArgumentException.class, () -> new SchemaViolation(List.of(1L), "m"));
    }

    @Test
    void whenQuotingValues_thenGoEscapesAreUsedWithSingleQuotes() {
        assertEquals("'it\\'s \"x\"'", Messages.quote("it's \"x\""));
        assertEquals("'a\\nb\\t\\\\ \\x00 é'", Messages.quote("a\nb\t\\ \0 é"));
        assertEquals("'\\u200b'", Messages.quote("\u200b"));
    }
}
