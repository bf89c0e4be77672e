package io.berth.compose.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each supported keyword on small schemas, with the wording jsonschema (and so compose-go) uses. */
class SchemaValidatorKeywordsTest {
    private static List<String> described(String schemaJson, Object document) {
        return SchemaValidator.fromJson(schemaJson).validate(document).stream()
                .map(SchemaViolation::describe).toList();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void whenTypeIsInteger_thenIntegralNumbersOfEveryJavaTypePassAndFractionsFail() {
        String schema = "{\"type\": \"integer\"}";
        for (Object value : List.of(3, 3L, BigInteger.TEN.pow(30), 3.0)) {
            assertEquals(List.of(), described(schema, value), () -> "for " + value);
        }
        assertEquals(List.of("must be a integer"), described(schema, 3.5));
        assertEquals(List.of("must be a integer"), described(schema, "3"));
        assertEquals(List.of("must be a integer"), described(schema, Double.NaN));
    }

    @Test
    void whenTypeIsNumberOrNull_thenMessageUsesSortedHumanNames() {
        String schema = "{\"type\": [\"object\", \"number\", \"null\", \"array\"]}";
        assertEquals(List.of(), described(schema, null));
        assertEquals(List.of(), described(schema, 1.5));
        assertEquals(List.of("must be a array, mapping, null or number"), described(schema, true));
    }

    @Test
    void whenValueIsNotAJsonType_thenViolationNamesItsJavaClass() {
        assertEquals(List.of("invalid jsonType java.lang.Character"), described("{\"type\": \"string\"}", 'c'));
    }

    @Test
    void whenEnumHasOneValue_thenMessageSaysValueMustBeIt() {
        assertEquals(List.of("value must be 'all'"), described("{\"enum\": [\"all\"]}", "some"));
        assertEquals(List.of("value must be one of 1, true, <nil>"), described("{\"enum\": [1, true, null]}", 2));
        assertEquals(List.of(), described("{\"enum\": [1, true, null]}", 1.0));
    }

    @Test
    void whenBoundsAreCrossed_thenMessagesStateTheBound() {
        String schema = "{\"minimum\": -1000, \"maximum\": 1000}";
        assertEquals(List.of("must be greater than or equal to -1000"), described(schema, -1001));
        assertEquals(List.of("must be less than or equal to 1000"), described(schema, 1000.5));
        assertEquals(List.of("must be less than or equal to 1000"), described(schema, Long.MAX_VALUE));
        assertEquals(List.of(), described(schema, 1000));
        assertEquals(List.of(), described(schema, "strings are not bounded"));
        assertEquals(List.of("must be greater than or equal to 0.5"), described("{\"minimum\": 0.5}", 0));
    }

    @Test
    void whenPatternIsNotAnchored_thenAMatchAnywhereCounts() {
        String schema = "{\"pattern\": \"[a-z]+\"}";
        assertEquals(List.of(), described(schema, "123abc456"));
        assertEquals(List.of("'123' does not match pattern '[a-z]+'"), described(schema, "123"));
    }

    @Test
    void whenPatternEndsWithDollar_thenItMatchesOnlyAtTheVeryEndAsInGo() {
        String schema = "{\"additionalProperties\": false, \"patternProperties\": {\"^[a-z]+$\": {}}}";
        assertEquals(List.of(), described(schema, map("web", 1)));
        // Java's $ would also match before a final newline; Go's does not.
        assertEquals(List.of("additional properties 'web\\n' not allowed"), described(schema, map("web\n", 1)));
    }

    @Test
    void whenKeyMatchesNoPropertyOrPattern_thenAdditionalPropertiesSchemaApplies() {
        String schema = """
                {"properties": {"a": {"type": "string"}},
                 "patternProperties": {"^x-": {"type": "integer"}},
                 "additionalProperties": {"type": "boolean"}}""";
        assertEquals(List.of(), described(schema, map("a", "s", "x-n", 1, "other", true)));
        assertEquals(List.of("a must be a string", "x-n must be a integer", "other must be a boolean"),
                described(schema, map("a", 1, "x-n", "1", "other", "yes")));
    }

    @Test
    void whenSeveralPropertiesAreRequired_thenOneViolationNamesAllMissing() {
        assertEquals(List.of("missing properties 'soft', 'hard'"),
                described("{\"required\": [\"soft\", \"hard\"]}", map()));
    }

    @Test
    void whenUniqueItemsCompareNumbersAndObjects_thenJsonEqualityApplies() {
        String schema = "{\"uniqueItems\": true}";
        assertEquals(List.of("items at 0 and 1 are equal"), described(schema, List.of(1, 1.0)));
        assertEquals(List.of("items at 1 and 2 are equal"),
                described(schema, List.of(map("a", 1), map("a", 1, "b", 2), map("b", 2, "a", 1L))));
        assertEquals(List.of(), described(schema, Arrays.asList("1", 1, true, null, List.of(1))));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(i);
        }
        many.add(42);
        assertEquals(List.of("items at 42 and 100 are equal"), described(schema, many));
    }

    @Test
    void whenItemsFail_thenPathsEndWithTheIndex() {
        List<SchemaViolation> found = SchemaValidator.fromJson("{\"items\": {\"type\": \"string\"}}")
                .validate(List.of("a", 2, "c", false));
        assertEquals(List.of(new SchemaViolation(List.of(1), "must be a string"),
                new SchemaViolation(List.of(3), "must be a string")), found);
    }

    @Test
    void whenTwoOneOfBranchesMatch_thenViolationNamesThem() {
        assertEquals(List.of("oneOf failed, subschemas 0, 2 matched"),
                described("{\"oneOf\": [{\"type\": \"number\"}, {\"type\": \"string\"}, {\"minimum\": 0}]}", 5));
    }

    @Test
    void whenNoOneOfBranchMatches_thenAllViolationsOfTheFurthestBranchAreKept() {
        String schema = """
                {"oneOf": [
                  {"type": "string"},
                  {"properties": {"a": {"type": "string"}, "b": {"type": "string"}}, "required": ["c"]}
                ]}""";
        assertEquals(List.of("a must be a string", "b must be a string", "missing property 'c'"),
                described(schema, map("a", 1, "b", 2)));
    }

    @Test
    void whenOneOfIsNestedInABranch_thenAnInnerBranchFailingFirstDoesNotFailTheOuterOne() {
        String schema = """
                {"oneOf": [
                  {"type": "string"},
                  {"properties": {"a": {"oneOf": [{"type": "integer"}, {"type": "string"}]}}}
                ]}""";
        assertEquals(List.of(), described(schema, map("a", "text")));
        assertEquals(List.of("a must be a integer"), described(schema, map("a", true)));
    }

    @Test
    void whenSchemaIsFalse_thenEveryValueFails() {
        assertEquals(List.of("x false schema"), described("{\"properties\": {\"x\": false}}", map("x", 1)));
        assertEquals(List.of(), described("true", map("x", 1)));
    }

    @Test
    void whenRefIsRecursive_thenNestedDocumentsAreValidatedToAnyDepth() {
        String schema = """
                {"$defs": {"tree": {"type": "object", "additionalProperties": false,
                                    "properties": {"name": {"type": "string"},
                                                   "children": {"type": "array", "items": {"$ref": "#/$defs/tree"}}}}},
                 "$ref": "#/$defs/tree"}""";
        Object deep = map("name", "root", "children", List.of(map("name", "a", "children",
                List.of(map("name", 3), map("name", "c", "extra", true)))));
        // Both are as specific (an unknown key counts one deeper than its object), so document order decides.
        assertEquals(List.of("children.0.children.0.name must be a string",
                "children.0.children.1 additional properties 'extra' not allowed"), described(schema, deep));
    }

    @Test
    void whenRefUsesEscapedPointer_thenItResolves() {
        String schema = "{\"$defs\": {\"a/b~c\": {\"type\": \"string\"}}, \"$ref\": \"#/$defs/a~1b~0c\"}";
        assertEquals(List.of("must be a string"), described(schema, 1));
    }

    @Test
    void whenSchemaUsesAnUnsupportedKeyword_thenCompilationFailsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SchemaValidator.fromJson("{\"properties\": {\"a\": {\"anyOf\": [true]}}}"));
        assertTrue(e.getMessage().startsWith("schema at #/properties/a: unsupported keyword 'anyOf'"), e::getMessage);
    }

    @Test
    void whenSchemaIsNotSupported_thenCompilationFailsRatherThanSkippingChecks() {
        assertThrows(IllegalArgumentException.class, () -> SchemaValidator.fromJson("{\"$ref\": \"other.json#/a\"}"));
        assertThrows(IllegalArgumentException.class, () -> SchemaValidator.fromJson("{\"$ref\": \"#/$defs/none\"}"));
        assertThrows(IllegalArgumentException.class,
                () -> SchemaValidator.fromJson("{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}"));
        assertThrows(IllegalArgumentException.class, () -> SchemaValidator.fromJson("{\"items\": [true]}"));
        assertThrows(IllegalArgumentException.class, () -> SchemaValidator.fromJson("{\"type\": \"text\"}"));
        assertThrows(IllegalArgumentException.class, () -> SchemaValidator.fromJson("{\"pattern\": \"(\"}"));
        assertThrows(IllegalArgumentException.class, () -> SchemaValidator.fromJson("[]"));
    }

    @Test
    void whenRefsLoopWithoutDescending_thenCompilationFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemaValidator.fromJson(
                "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"oneOf\": [{\"$ref\": \"#/$defs/a\"}]}},"
                        + " \"$ref\": \"#/$defs/a\"}"));
        assertTrue(e.getMessage().contains("reference cycle"), e::getMessage);
    }

    @Test
    void whenAnnotationsAppear_thenTheyAreIgnored() {
        String schema = """
                {"title": "t", "description": "d", "deprecated": true, "default": 1, "$comment": "c",
                 "examples": [1], "type": "integer"}""";
        assertEquals(List.of(), described(schema, 1));
    }

    @Test
    void whenTheComposeSchemaIsGivenAsATree_thenItCompilesLikeTheBundledOne() {
        SchemaValidator fromTree = new SchemaValidator(Map.of("type", "object",
                "properties", Map.of("services", Map.of("type", "object")), "additionalProperties", false));
        assertEquals(List.of(new SchemaViolation(List.of("services"), "must be a mapping")),
                fromTree.validate(map("services", List.of())));
    }
}
