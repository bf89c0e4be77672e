package io.berth.compose.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invalid documents get compose-go's message for the same input (several are the very cases of compose-go's
 * {@code loader_test.go}), and the path to the value at fault.
 */
class ComposeSchemaViolationsTest {
    private static final SchemaValidator VALIDATOR = SchemaValidator.compose();

    private static List<SchemaViolation> violations(String text) {
        return VALIDATOR.validate(ComposeSchemaValidDocumentsTest.yaml(text));
    }

    /** The lines compose-go would print after "validating file: ", the first being the one it prints. */
    private static List<String> described(String text) {
        return violations(text).stream().map(SchemaViolation::describe).toList();
    }

    @Test
    void whenTopLevelHasUnknownKey_thenViolationNamesItAtTheRoot() {
        List<SchemaViolation> found = violations("""
                services:
                  web:
                    image: nginx
                helicopters: {}
                """);
        assertEquals(List.of(new SchemaViolation(List.of(), "additional properties 'helicopters' not allowed")),
                found);
        assertEquals("additional properties 'helicopters' not allowed", found.getFirst().describe());
    }

    @Test
    void whenServiceHasUnknownKey_thenViolationNamesItAndPath() {
        List<SchemaViolation> found = violations("""
                services:
                  web:
                    image: nginx
                    foo: 1
                """);
        assertEquals(List.of(new SchemaViolation(List.of("services", "web"),
                "additional properties 'foo' not allowed")), found);
        assertEquals("services.web additional properties 'foo' not allowed", found.getFirst().describe());
    }

    @Test
    void whenServiceHasSeveralUnknownKeys_thenOneViolationNamesThemInDocumentOrder() {
        assertEquals(List.of("services.web additional properties 'zeta', 'alpha' not allowed"), described("""
                services:
                  web:
                    zeta: 1
                    image: nginx
                    alpha: 2
                """));
    }

    @Test
    void whenImageIsAList_thenViolationSaysItMustBeAString() {
        assertEquals(List.of("services.foo.image must be a string"), described("""
                services:
                  foo:
                    image: ["busybox", "latest"]
                """));
    }

    @Test
    void whenProjectNameIsANumber_thenViolationSaysItMustBeAString() {
        assertEquals(List.of("name must be a string"), described("name: 123"));
    }

    @Test
    void whenSectionsAreNotMappings_thenViolationsSayMapping() {
        assertEquals(List.of("services must be a mapping"), described("services: [web]"));
        assertEquals(List.of("services.foo must be a mapping"), described("services: {foo: busybox}"));
        assertEquals(List.of("networks.default must be a mapping or null"), described("networks: {default: bridge}"));
        assertEquals(List.of("must be a mapping"), described("- 1"));
    }

    @Test
    void whenEnvironmentValueIsAList_thenViolationListsTheAcceptedTypesSorted() {
        assertEquals(List.of("services.dict-env.environment.FOO must be a boolean, null, number or string"),
                described("""
                        services:
                          dict-env:
                            image: busybox
                            environment:
                              FOO: [1]
                        """));
    }

    @Test
    void whenValueIsNotInEnum_thenViolationListsTheAllowedValues() {
        List<SchemaViolation> found = violations("""
                services:
                  web:
                    deploy:
                      update_config:
                        order: sideways
                """);
        assertEquals(List.of(new SchemaViolation(List.of("services", "web", "deploy", "update_config", "order"),
                "value must be one of 'start-first', 'stop-first'")), found);
    }

    @Test
    void whenDependsOnEntryLacksCondition_thenViolationNamesTheMissingProperty() {
        assertEquals(List.of("services.web.depends_on.db missing property 'condition'"), described("""
                services:
                  web:
                    image: nginx
                    depends_on:
                      db:
                        restart: true
                """));
    }

    @Test
    void whenRequiredPropertyIsMissingOutsideOneOf_thenViolationIsAtTheObject() {
        List<SchemaViolation> found = violations("""
                services:
                  web:
                    provider:
                      options: {}
                """);
        assertEquals(List.of(new SchemaViolation(List.of("services", "web", "provider"),
                "missing property 'type'")), found);
    }

    @Test
    void whenPortEntryObjectHasUnknownKey_thenOneOfReportsTheObjectBranch() {
        List<SchemaViolation> found = violations("""
                services:
                  web:
                    image: nginx
                    ports:
                      - "80:80"
                      - target: 81
                        foo: bar
                """);
        assertEquals(List.of(new SchemaViolation(List.of("services", "web", "ports", 1),
                "additional properties 'foo' not allowed")), found);
        assertEquals("services.web.ports.1", found.getFirst().pathString());
    }

    @Test
    void whenVolumeEntryHasUnknownKey_thenViolationMatchesComposeGo() {
        assertEquals(List.of("services.tmpfs.volumes.0 additional properties 'foo' not allowed"), described("""
                services:
                  tmpfs:
                    image: nginx:latest
                    volumes:
                      - type: tmpfs
                        target: /app
                        foo:
                          bar: zot
                """));
    }

    @Test
    void whenNumberIsBelowMinimum_thenViolationStatesTheBound() {
        assertEquals(List.of("services.tmpfs.volumes.0.tmpfs.size must be greater than or equal to 0"), described("""
                services:
                  tmpfs:
                    image: nginx:latest
                    volumes:
                      - type: tmpfs
                        target: /app
                        tmpfs:
                          size: -1
                """));
    }

    @Test
    void whenBoundedNumberIsOutOfRangeInsideStringOrNumberOneOf_thenTheStringBranchIsReportedAsComposeGoDoes() {
        // cpu_percent is oneOf [string, integer 0..100]: the type error comes first at the same depth.
        assertEquals(List.of("services.web.cpu_percent must be a string"), described("""
                services:
                  web:
                    cpu_percent: 101
                """));
    }

    @Test
    void whenOneOfBranchesFailAtTheSameDepth_thenTheFirstBranchIsReportedAsComposeGoDoes() {
        // size is oneOf [integer >= 0, string]: both branches fail at the same path, so the first one wins.
        assertEquals(List.of("services.tmpfs.volumes.0.tmpfs.size must be a integer"), described("""
                services:
                  tmpfs:
                    volumes:
                      - type: tmpfs
                        target: /app
                        tmpfs:
                          size: 0.0001
                """));
        // extends is oneOf [string, object requiring service]: "missing property" ties with the string branch.
        assertEquals(List.of("services.web.extends must be a string"), described("""
                services:
                  web:
                    extends:
                      file: base.yaml
                """));
        assertEquals(List.of("services.test.build.ssh must be a mapping"), described("""
                services:
                  test:
                    build:
                      context: .
                      ssh:
                """));
    }

    @Test
    void whenListItemsRepeat_thenUniqueItemsNamesBothIndexes() {
        assertEquals(List.of("services.web.ports items at 0 and 2 are equal"), described("""
                services:
                  web:
                    ports: ["80", "81", "80"]
                """));
    }

    @Test
    void whenStringMissesThePattern_thenViolationQuotesValueAndPattern() {
        assertEquals(List.of("services.web.pull_policy 'sometimes' does not match pattern "
                + "'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+'"),
                described("""
                        services:
                          web:
                            pull_policy: sometimes
                        """));
    }

    @Test
    void whenDocumentHasSeveralViolations_thenAllAreListedMostSpecificFirst() {
        assertEquals(List.of(
                "services.web.ports.0 additional properties 'bar' not allowed",
                "services.web.image must be a string",
                "services.web additional properties 'foo' not allowed",
                "services.db.image must be a string",
                "additional properties 'zzz' not allowed"), described("""
                services:
                  web:
                    image: 1
                    foo: 2
                    ports:
                      - target: 80
                        bar: 1
                  db:
                    image: [x]
                x-top: 1
                zzz: 2
                """));
    }

    @Test
    void whenTheSameDocumentIsValidatedTwice_thenTheResultsAreEqual() {
        Object document = ComposeSchemaValidDocumentsTest.yaml("""
                services:
                  web:
                    image: [x]
                    ports: [{target: 1, nope: 2}]
                """);
        assertEquals(VALIDATOR.validate(document), VALIDATOR.validate(document));
    }
}
