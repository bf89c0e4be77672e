package io.berth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code berth config} through the real launcher, on the samples and on input that must fail. */
class BerthConfigIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path shop = BerthProcess.repo().resolve("samples/shop");

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> dirs = Files.list(BerthProcess.repo().resolve("samples"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("compose.yaml"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void whenConfigRunsOnASample_thenItPrintsTheProjectAsJson(Path sample) throws IOException {
        BerthProcess.Result r = BerthProcess.berth().in(sample).run("config", "--format", "json");

        assertEquals(0, r.code(), r::toString);
        JsonNode model = JSON.readTree(r.out());
        assertTrue(model.path("services").size() > 0, r::toString);
        assertEquals(sample.getFileName().toString(), model.path("name").asText());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void whenConfigRunsOnASampleAsYaml_thenItSucceeds(Path sample) {
        BerthProcess.Result r = BerthProcess.berth().in(sample).run("config");

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("services:"), r::toString);
    }

    @Test
    void whenServicesAreListed_thenTheShopsFiveComeEachAfterItsDependencies() {
        BerthProcess.Result r = BerthProcess.berth().in(shop).run("config", "--services");

        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("cache", "db", "api", "web", "worker"), lines(r.out()));
    }

    @Test
    void whenTheDebugProfileIsActive_thenTheToolboxIsListedToo() {
        BerthProcess.Result r = BerthProcess.berth().in(shop).run("config", "--profile", "debug", "--services");

        assertEquals(0, r.code(), r::toString);
        assertTrue(lines(r.out()).contains("toolbox"), r::toString);
    }

    @Test
    void whenAServiceIsNamed_thenOnlyItAndItsDependenciesAreRendered() throws IOException {
        BerthProcess.Result r = BerthProcess.berth().in(shop).run("config", "--format", "json", "api");

        assertEquals(0, r.code(), r::toString);
        List<String> names = new ArrayList<>();
        JSON.readTree(r.out()).path("services").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("api", "cache", "db"), names.stream().sorted().toList());
    }

    @Test
    void whenTheFileComesFromStandardInput_thenItIsLoaded(@TempDir Path dir) throws IOException {
        BerthProcess.Result r = BerthProcess.berth().in(dir)
                .stdin("services:\n  hello:\n    image: busybox\n    command: [echo, hi]\n")
                .run("config", "--format", "json", "-p", "stdin-demo", "-f", "-");

        assertEquals(0, r.code(), r::toString);
        JsonNode model = JSON.readTree(r.out());
        assertEquals("busybox", model.path("services").path("hello").path("image").asText(), r::toString);
    }

    @Test
    void whenTheFileIsBroken_thenExit1WithOneMessageNamingIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n    ports: 80\n"
                + "  bad: [\n");

        BerthProcess.Result r = BerthProcess.berth().in(dir).run("config");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("berth: "), r::toString);
        assertTrue(r.err().contains("compose.yaml"), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        assertEquals("", r.out());
    }

    @Test
    void whenTheFileIsMissing_thenExit1(@TempDir Path dir) {
        BerthProcess.Result r = BerthProcess.berth().in(dir).run("config", "-f", "nope.yaml");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("nope.yaml"), r::toString);
    }

    @Test
    void whenTheCommandLineIsWrong_thenExit2() {
        BerthProcess.Result r = BerthProcess.berth().in(shop).run("config", "--format", "xml");

        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("See 'berth config --help'."), r::toString);
    }

    @Test
    void whenACommandIsNotImplementedYet_thenExit1WithOneLine() {
        BerthProcess.Result r = BerthProcess.berth().run("network", "ls");

        assertEquals(1, r.code(), r::toString);
        assertEquals("berth network ls: is not implemented in this build yet (see the README: networks, builds and compose come next)\n", r.err());
    }

    private static List<String> lines(String out) {
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void whenAnEnvFileIsMissing_thenOnlyOutputThatShowsItFails(@TempDir Path dir) throws IOException {
        // docker compose's env_file e2e scenario: serviceB's env_file does not exist
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a:\n    image: x\n    env_file: a.env\n"
                + "  b:\n    image: y\n    env_file: /doesnotexist/.env\n");
        Files.writeString(dir.resolve("a.env"), "K=v\n");
        BerthProcess.Result services = BerthProcess.berth().in(dir).run("config", "--services");
        assertEquals(0, services.code(), services::toString);
        assertEquals("a\nb\n", services.out());
        BerthProcess.Result hashA = BerthProcess.berth().in(dir).run("config", "--hash", "a");
        assertEquals(0, hashA.code(), hashA::toString);
        assertTrue(hashA.out().matches("a [0-9a-f]{64}\n"), hashA.out());
        BerthProcess.Result all = BerthProcess.berth().in(dir).run("config", "--hash", "*");
        assertEquals(1, all.code());
        assertTrue(all.err().contains("/doesnotexist/.env"), all.err());
        BerthProcess.Result raw = BerthProcess.berth().in(dir).run("config", "--no-env-resolution", "--format", "json");
        assertEquals(0, raw.code(), raw::toString);
        assertTrue(raw.out().contains("/doesnotexist/.env"), raw.out());
    }
}
