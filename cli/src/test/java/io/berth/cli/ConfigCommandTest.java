package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.ComposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth config}'s outputs, from a project made by hand (no loader involved). */
class ConfigCommandTest {
    private final CliHarness berth = new CliHarness().project(Projects.shop());

    @Test
    void whenFormatIsJson_thenTheModelIsPrintedAsJsonWithDollarsEscaped() {
        CliHarness.Result r = berth.run("config", "--format", "json");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("{\n  \"name\": \"shop\",\n"), r.out());
        assertTrue(r.out().contains("\"GREETING\": \"cost: $$5\""), "a $ is printed as $$, as compose does");
        assertEquals("", r.err());
    }

    @Test
    void whenNoFormatIsGiven_thenTheModelIsPrintedAsYaml() {
        CliHarness.Result r = berth.run("config");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("name: shop\n"), r.out());
        assertTrue(r.out().contains("\nservices:\n"), r.out());
    }

    @Test
    void whenInterpolationIsOff_thenDollarsArePrintedAsTheyAre() {
        CliHarness.Result r = berth.run("config", "--format", "json", "--no-interpolate");

        assertTrue(r.out().contains("\"GREETING\": \"cost: $5\""), r.out());
    }

    @Test
    void whenQuiet_thenNothingIsPrintedButTheFilesAreLoaded() {
        CliHarness.Result r = berth.run("config", "-q");

        assertEquals(0, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.loads().size());
    }

    @Test
    void whenOutputIsAFile_thenTheModelGoesThereAndNotToStdout(@TempDir Path dir) throws IOException {
        CliHarness.Result r = berth.cwd(dir).run("config", "--format", "json", "-o", "out.json");

        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(Files.readString(dir.resolve("out.json")).startsWith("{\n  \"name\": \"shop\""));
    }

    @Test
    void whenTheOutputFileCannotBeWritten_thenExit1NamingIt(@TempDir Path dir) {
        CliHarness.Result r = berth.cwd(dir).run("config", "-o", "no/such/dir/out.yaml");

        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("berth: cannot write no/such/dir/out.yaml"), r.err());
    }

    @Test
    void whenServicesAreListed_thenEachComesAfterItsDependencies() {
        CliHarness.Result r = berth.run("config", "--services");

        assertEquals("cache\ndb\napi\nweb\nworker\n", r.out());
    }

    @Test
    void whenVolumesNetworksOrProfilesAreListed_thenOneNamePerLine() {
        assertEquals("cache-data\ndb-data\n", berth.run("config", "--volumes").out());
        assertEquals("back\nfront\n", berth.run("config", "--networks").out());
        assertEquals("debug\n", berth.run("config", "--profiles").out(), "disabled services count too");
        assertEquals("", berth.run("config", "--models").out());
    }

    @Test
    void whenImagesAreListed_thenAServiceThatOnlyBuildsGetsProjectDashService() {
        assertEquals("shop/api:1\nredis:7\npostgres:16\nshop-web\nshop/worker:1\n",
                berth.run("config", "--images").out());
    }

    @Test
    void whenTheEnvironmentIsListed_thenItIsSortedNameEqualsValue() {
        assertEquals("A_FIRST=x\nHOME=/root\nTAG=1\n", berth.run("config", "--environment").out());
    }

    @Test
    void whenHashesAreAskedForAll_thenOneLinePerServiceInNameOrder() {
        String out = berth.run("config", "--hash", "*").out();

        String[] lines = out.split("\n");
        assertEquals(5, lines.length, out);
        assertTrue(lines[0].matches("api [0-9a-f]{64}"), lines[0]);
        assertTrue(lines[4].startsWith("worker "), lines[4]);
    }

    @Test
    void whenHashesAreAskedForSomeServices_thenOnlyThoseSorted() {
        String out = berth.run("config", "--hash", "web,db").out();

        assertTrue(out.matches("db [0-9a-f]{64}\nweb [0-9a-f]{64}\n"), out);
    }

    @Test
    void whenAHashIsAskedForAnUnknownService_thenExit1SayingSo() {
        CliHarness.Result r = berth.run("config", "--hash", "nope");

        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("berth: no such service: nope"), r.err());
    }

    @Test
    void whenSeveralListingsAreAsked_thenComposePrecedenceDecides() {
        assertEquals("cache-data\ndb-data\n", berth.run("config", "--profiles", "--volumes").out());
    }

    @Test
    void whenDigestsAreToBeResolved_thenExit1WithAClearReasonAndNothingLoaded() {
        CliHarness.Result r = berth.run("config", "--resolve-image-digests");

        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("berth: --resolve-image-digests is not supported yet"), r.err());
        assertTrue(r.loads().isEmpty());
    }

    @Test
    void whenTheLoaderRejectsTheFile_thenItsMessageIsPrintedAndExitIs1() {
        CliHarness.Result r = new CliHarness()
                .loader(o -> {
                    throw new ComposeException("compose.yaml:3:5", "compose.yaml:3:5: services.web.ports must be a list");
                })
                .run("config");

        assertEquals(1, r.code());
        assertEquals("berth: compose.yaml:3:5: services.web.ports must be a list\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void whenTheLoaderFailsUnexpectedly_thenItIsReportedAsAnInternalErrorWithoutTrace() {
        CliHarness.Result r = new CliHarness()
                .loader(o -> {
                    throw new IllegalStateException("boom");
                })
                .run("config");

        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("berth: internal error: java.lang.IllegalStateException: boom"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without BERTH_DEBUG");
    }

    @Test
    void whenDebugIsOn_thenTheStackTraceIsShown() {
        CliHarness.Result r = new CliHarness().env("BERTH_DEBUG", "1")
                .loader(o -> {
                    throw new ComposeException("f", "bad file");
                })
                .run("config");

        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("berth: bad file\n"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void whenVariablesAreListed_thenTheModelIsReadWithoutInterpolationAndPrintedAsATable() {
        java.util.Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("name", "shop");
        model.put("services", java.util.Map.of("web", java.util.Map.of(
                "image", "shop/web:${TAG:-latest}", "environment", java.util.Map.of("K", "${KEY:?set KEY}"))));
        java.util.Map<String, Object> components = new java.util.HashMap<>();
        components.put("name", "shop");
        components.put("model", model);
        components.put("jsonModel", model);
        CliHarness.Result r = new CliHarness().project(Projects.project(components)).run("config", "--variables");

        assertEquals(0, r.code(), r.err());
        assertFalse(r.load().interpolate());
        // Go's tabwriter pads every column but the last, so a row with an empty last column ends in spaces.
        assertEquals("NAME                REQUIRED            DEFAULT VALUE       ALTERNATE VALUE\n"
                + "KEY                 true                " + " ".repeat(20) + "\n"
                + "TAG                 false               latest              \n", r.out());
    }

    @Test
    void whenVariablesAreListedAsJson_thenOneMapByNameIndentedWithFourSpaces() {
        // docker/compose pkg/e2e/config_test.go TestLocalComposeConfig: formatter.Print encodes the whole map.
        java.util.Map<String, Object> components = new java.util.HashMap<>();
        components.put("name", "p");
        components.put("model", java.util.Map.of("services", java.util.Map.of("a", java.util.Map.of("image", "${I:+x}"))));
        CliHarness.Result r = new CliHarness().project(Projects.project(components))
                .run("config", "--variables", "--format", "json");

        assertEquals("{\n    \"I\": {\n        \"Name\": \"I\",\n        \"DefaultValue\": \"\",\n"
                + "        \"PresenceValue\": \"x\",\n        \"Required\": false\n    }\n}\n\n", r.out());
    }

    @Test
    void whenVariablesAreListedAsYaml_thenGoYamlPrintsPlainNamesAndQuotesAmbiguousValues() {
        java.util.Map<String, Object> components = new java.util.HashMap<>();
        components.put("name", "p");
        components.put("model", java.util.Map.of("services", java.util.Map.of("a", java.util.Map.of(
                "image", "x", "ports", java.util.List.of("${PORT:-8080}:80")))));
        CliHarness.Result r = new CliHarness().project(Projects.project(components))
                .run("config", "--variables", "--format", "yaml", "a");

        assertEquals("PORT:\n    name: PORT\n    defaultvalue: \"8080\"\n    presencevalue: \"\"\n"
                + "    required: false\n", r.out());
        assertTrue(r.err().contains("service filtering is not applied when --variables is set, variables from the"
                + " full model will be rendered"), r.err());
    }

    @Test
    void whenNotInterpolatedWithServices_thenTheFullModelIsRenderedWithAWarning() {
        java.util.Map<String, Object> model = java.util.Map.of("name", "p", "services",
                java.util.Map.of("web", java.util.Map.of("image", "${I}")));
        java.util.Map<String, Object> components = new java.util.HashMap<>();
        components.put("name", "p");
        components.put("model", model);
        components.put("jsonModel", model);
        CliHarness.Result r = new CliHarness().project(Projects.project(components))
                .run("config", "--no-interpolate", "web");

        assertEquals(0, r.code(), r.err());
        assertEquals(java.util.List.of(), r.load().services());
        assertTrue(r.err().contains("service filtering is not applied when --no-interpolate is set, the full model"
                + " will be rendered"), r.err());
    }
}
