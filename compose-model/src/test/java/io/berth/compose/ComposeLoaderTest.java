package io.berth.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeLoaderTest {
    @TempDir
    Path dir;

    private final ComposeLoader loader = new ComposeLoader();

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private Project load(Map<String, String> env, String... files) {
        return loader.load(LoadOptions.builder(dir, env).files(List.of(files)).build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> svc(Project p, String name) {
        return (Map<String, Object>) p.services().get(name);
    }

    @Test
    void whenNoFileIsGiven_thenDefaultNamesAndOverrideAreFound() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx\n");
        write("compose.override.yaml", "services:\n  web:\n    image: nginx:1.27\n");
        Project p = load(Map.of());
        assertEquals("nginx:1.27", svc(p, "web").get("image"));
        assertEquals(dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", ""), p.name());
    }

    @Test
    void whenOverrideFileMergesPortsAndEnvironment_thenListsAppendAndMapsMerge() throws IOException {
        write("a.yaml", """
                name: demo
                services:
                  web:
                    image: nginx
                    ports: ["8080:80"]
                    environment: [A=1, B=2]
                """);
        write("b.yaml", """
                services:
                  web:
                    ports: ["8443:443"]
                    environment:
                      B: three
                """);
        Map<String, Object> web = svc(load(Map.of(), "a.yaml", "b.yaml"), "web");
        assertEquals(2, ((List<?>) web.get("ports")).size());
        assertEquals(Map.of("A", "1", "B", "three"), web.get("environment"));
    }

    @Test
    void whenVariableIsSetInDotEnv_thenItIsInterpolatedButOsEnvironmentWins() throws IOException {
        write(".env", "TAG=from-dotenv\nPORT=81\n");
        write("compose.yaml", "name: x\nservices:\n  web:\n    image: nginx:${TAG}\n    ports: [\"${PORT}:80\"]\n");
        Map<String, Object> web = svc(load(Map.of("PORT", "9000")), "web");
        assertEquals("nginx:from-dotenv", web.get("image"));
        assertEquals("9000", ((Map<?, ?>) ((List<?>) web.get("ports")).get(0)).get("published"));
    }

    @Test
    void whenRequiredVariableIsUnset_thenErrorNamesVariableFileAndLine() throws IOException {
        write("compose.yaml", "name: x\nservices:\n  web:\n    image: ${IMAGE:?set IMAGE first}\n");
        ComposeException e = assertThrows(ComposeException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("IMAGE"), e.getMessage());
        assertTrue(e.getMessage().contains("compose.yaml:4"), e.getMessage());
        assertTrue(e.getMessage().contains("set IMAGE first"), e.getMessage());
    }

    @Test
    void whenServiceHasUnknownKey_thenErrorNamesFileAndKey() throws IOException {
        write("compose.yaml", "name: x\nservices:\n  web:\n    image: nginx\n    imagee: typo\n");
        ComposeException e = assertThrows(ComposeException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("compose.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("imagee"), e.getMessage());
        assertEquals(ErrorCategory.INVALID_ARGUMENT, e.category());
    }

    @Test
    void whenExtendsChainsAcrossFiles_thenBaseIsMergedAndRelativePathsFollowTheBaseFile() throws IOException {
        write("base/common.yaml", """
                services:
                  app:
                    image: busybox
                    environment: [LEVEL=base]
                    volumes: ["./data:/data"]
                """);
        write("compose.yaml", """
                name: x
                services:
                  web:
                    extends: {file: base/common.yaml, service: app}
                    environment: [LEVEL=web]
                """);
        Map<String, Object> web = svc(load(Map.of(), "compose.yaml"), "web");
        assertEquals("busybox", web.get("image"));
        assertEquals(Map.of("LEVEL", "web"), web.get("environment"));
        Map<?, ?> vol = (Map<?, ?>) ((List<?>) web.get("volumes")).get(0);
        assertEquals(dir.resolve("base/data").toString(), vol.get("source"));
    }

    @Test
    void whenExtendsFormsACycle_thenErrorListsTheChain() throws IOException {
        write("compose.yaml", """
                name: x
                services:
                  a: {extends: b, image: x}
                  b: {extends: a, image: y}
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("Circular reference"), e.getMessage());
    }

    @Test
    void whenProfileIsInactive_thenServiceIsDisabledUnlessNamedOnTheCommandLine() throws IOException {
        write("compose.yaml", """
                name: x
                services:
                  web: {image: nginx, depends_on: [db]}
                  db: {image: postgres}
                  debug: {image: busybox, profiles: [tools], depends_on: [db]}
                """);
        assertEquals(List.of("db", "web"), List.copyOf(load(Map.of()).services().keySet()));
        assertEquals(List.of("db", "debug", "web"),
                List.copyOf(load(Map.of("COMPOSE_PROFILES", "tools")).services().keySet()));
        Project only = loader.load(LoadOptions.builder(dir, Map.of()).services(List.of("debug")).build());
        assertEquals(List.of("db", "debug"), List.copyOf(only.services().keySet()));
    }

    @Test
    void whenDependencyCycleExists_thenErrorNamesTheCycle() throws IOException {
        write("compose.yaml", """
                name: x
                services:
                  a: {image: x, depends_on: [b]}
                  b: {image: x, depends_on: [a]}
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("dependency cycle detected"), e.getMessage());
    }

    @Test
    void whenNetworkIsUndefined_thenErrorSaysWhereToDeclareIt() throws IOException {
        write("compose.yaml", "name: x\nservices:\n  web: {image: x, networks: [front]}\n");
        ComposeException e = assertThrows(ComposeException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("undefined network front"), e.getMessage());
    }

    @Test
    void whenShortSyntaxIsUsed_thenItIsNormalizedToLongForm() throws IOException {
        write("compose.yaml", """
                name: x
                services:
                  web:
                    build: ./web
                    command: echo "hello world"
                    healthcheck: {test: curl -f localhost, interval: 90s}
                    volumes: ["data:/var/lib/data:ro"]
                    depends_on: [db]
                  db: {image: postgres}
                volumes:
                  data: {}
                  unused: {}
                """);
        Project p = load(Map.of());
        Map<String, Object> web = svc(p, "web");
        assertEquals(Map.of("context", dir.resolve("web").toString(), "dockerfile", "Dockerfile"), web.get("build"));
        assertEquals(List.of("echo", "hello world"), web.get("command"));
        assertEquals("1m30s", ((Map<?, ?>) web.get("healthcheck")).get("interval"));
        assertEquals(List.of("CMD-SHELL", "curl -f localhost"), ((Map<?, ?>) web.get("healthcheck")).get("test"));
        Map<?, ?> vol = (Map<?, ?>) ((List<?>) web.get("volumes")).get(0);
        assertEquals("volume", vol.get("type"));
        assertEquals(Boolean.TRUE, vol.get("read_only"));
        assertEquals(Map.of("condition", "service_started", "required", true),
                ((Map<?, ?>) web.get("depends_on")).get("db"));
        assertEquals(List.of("data"), List.copyOf(p.section("volumes").keySet()));
        assertEquals("x_data", ((Map<?, ?>) p.section("volumes").get("data")).get("name"));
        assertTrue(p.section("networks").containsKey("default"));
    }

    @Test
    void whenResetTagIsUsedInOverride_thenTheBaseValueIsRemoved() throws IOException {
        write("a.yaml", "name: x\nservices:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n");
        write("b.yaml", "services:\n  web:\n    ports: !reset []\n");
        assertFalse(svc(load(Map.of(), "a.yaml", "b.yaml"), "web").containsKey("ports"));
    }

    @Test
    void whenKeysAreReordered_thenConfigHashIsTheSame_andAChangeChangesIt() throws IOException {
        write("a.yaml", "name: x\nservices:\n  web:\n    image: nginx\n    environment: {A: '1', B: '2'}\n");
        write("b.yaml", "name: x\nservices:\n  web:\n    environment: {B: '2', A: '1'}\n    image: nginx\n");
        write("c.yaml", "name: x\nservices:\n  web:\n    environment: {B: '2', A: '9'}\n    image: nginx\n");
        String a = ConfigRenderer.hash(load(Map.of(), "a.yaml"), "web");
        assertEquals(a, ConfigRenderer.hash(load(Map.of(), "b.yaml"), "web"));
        assertNotEquals(a, ConfigRenderer.hash(load(Map.of(), "c.yaml"), "web"));
        assertEquals(64, a.length());
    }

    @Test
    void whenProjectNameIsInvalid_thenErrorExplainsTheRule() throws IOException {
        write("compose.yaml", "services:\n  web: {image: x}\n");
        ComposeException e = assertThrows(ComposeException.class,
                () -> loader.load(LoadOptions.builder(dir, Map.of()).projectName("Bad Name").build()));
        assertTrue(e.getMessage().contains("lowercase alphanumeric"), e.getMessage());
    }

    @Test
    void whenFileIsReadFromStdin_thenItLoads() {
        Project p = loader.load(LoadOptions.builder(dir, Map.of()).files(List.of("-"))
                .stdin(() -> "name: s\nservices:\n  a: {image: x}\n".getBytes()).build());
        assertEquals("s", p.name());
        assertNull(((Map<?, ?>) p.jsonModel().get("services")).get("b"));
        assertEquals("x", svc(p, "a").get("image"));
    }

    @Test
    void whenIncludeIsUsed_thenIncludedServicesAreImportedWithTheirOwnDirectory() throws IOException {
        write("sub/compose.yaml", "services:\n  db:\n    image: postgres\n    env_file: db.env\n");
        write("sub/db.env", "POSTGRES_DB=app\n");
        write("compose.yaml", "name: x\ninclude: [sub/compose.yaml]\nservices:\n  web: {image: nginx, depends_on: [db]}\n");
        Map<String, Object> db = svc(load(Map.of(), "compose.yaml"), "db");
        assertEquals(Map.of("POSTGRES_DB", "app"), db.get("environment"));
    }

    @Test
    void whenInterpolationIsOff_thenTheRawModelIsKeptWithItsVariables() throws IOException {
        write("compose.yaml", "name: x\nservices:\n  web:\n    image: nginx:${TAG}\n    ports: [\"${PORT:-8080}:80\"]\n");
        Project p = loader.load(LoadOptions.builder(dir, Map.of("TAG", "1")).interpolate(false).build());
        Map<String, Object> web = svc(p, "web");
        assertEquals("nginx:${TAG}", web.get("image"));
        assertEquals(List.of("${PORT:-8080}:80"), web.get("ports"));
        assertEquals(List.of("image", "networks", "ports"), List.copyOf(web.keySet()));
    }

    @Test
    void whenShortSyntaxIsInvalid_thenErrorNamesFileLineAndField() throws IOException {
        write("compose.yaml", "name: x\nservices:\n  web:\n    image: nginx\n    ports: [\"80:80:80:80\"]\n");
        ComposeException e = assertThrows(ComposeException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().startsWith(dir.resolve("compose.yaml") + ":5:12: services.web.ports"), e.getMessage());
        write("compose.yaml", "name: x\nservices:\n  web:\n    image: nginx\n    volumes: [\":/x\"]\n");
        e = assertThrows(ComposeException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("compose.yaml:5:15: services.web.volumes"), e.getMessage());
    }
}
