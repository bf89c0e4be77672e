package io.berth.compose.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.compose.Project;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code extends} and {@code include} as compose-go's loader applies them (loader/extends_test.go,
 * loader/include_test.go, and the loader tests about extends and include), checked on the printed project.
 */
class ExtendsIncludeTest {
    @TempDir
    Path dir;

    private ProjectFixture fx() {
        return new ProjectFixture(dir);
    }

    // ---- include ----

    @Test
    void whenIncludeListsSeveralEnvFiles_thenTheLaterFileWinsAndSeesTheEarlierOnes() {
        Project p = fx()
                .file("a.env", "V=one\nW=w1\n")
                .file("b.env", "V=two\nX=${W}\n")
                .file("compose.yaml", "name: inc\ninclude:\n  - path: mod/compose.yaml\n    env_file: [a.env, b.env]\n")
                .file("mod/compose.yaml", "services:\n  m:\n    image: alpine\n    environment: {V: $V, X: $X}\n")
                .load("compose.yaml");
        assertEquals("{\"V\":\"two\",\"X\":\"w1\"}", ProjectFixture.json(p, "services", "m", "environment"));
    }

    @Test
    void whenIncludeEnvFileVariableIsAlsoInTheEnvironment_thenTheEnvironmentWins() {
        Project p = fx().env("V", "from-env")
                .file("a.env", "V=from-file\n")
                .file("compose.yaml", "name: inc\ninclude:\n  - path: mod/compose.yaml\n    env_file: a.env\n")
                .file("mod/compose.yaml", "services:\n  m:\n    image: alpine:$V\n")
                .load("compose.yaml");
        assertEquals("\"alpine:from-env\"", ProjectFixture.json(p, "services", "m", "image"));
    }

    @Test
    void whenIncludeHasNoEnvFile_thenTheIncludedProjectsOwnDotEnvIsUsedOnlyThere() {
        Project p = fx()
                .file("compose.yaml", """
                        name: inc
                        include: [mod/compose.yaml]
                        services:
                          a: {image: alpine, environment: [VAR_NAME]}
                        """)
                .file("mod/.env", "VAR_NAME=value\nTAG=1.2\n")
                .file("mod/compose.yaml", "services:\n  b: {image: 'alpine:${TAG}', environment: [VAR_NAME]}\n")
                .load("compose.yaml");
        assertEquals("{\"VAR_NAME\":null}", ProjectFixture.json(p, "services", "a", "environment"));
        assertEquals("\"alpine:1.2\"", ProjectFixture.json(p, "services", "b", "image"));
        // a bare VAR_NAME is resolved while the included project loads, from its own environment
        assertEquals("{\"VAR_NAME\":\"value\"}", ProjectFixture.json(p, "services", "b", "environment"));
    }

    @Test
    void whenIncludeEnvFileIsMissing_thenErrorNamesIt() {
        fx().file("compose.yaml", "name: inc\ninclude:\n  - path: mod/compose.yaml\n    env_file: [missing.env]\n")
                .file("mod/compose.yaml", "services:\n  m: {image: alpine}\n")
                .error(List.of("compose.yaml"), dir.resolve("missing.env").toString(), "no such file or directory");
    }

    @Test
    void whenIncludeAbsoluteEnvFileIsMissing_thenErrorSaysCouldNotFindIt() {
        String missing = dir.resolve("nope/missing.env").toString();
        fx().file("compose.yaml", "name: inc\ninclude:\n  - path: mod/compose.yaml\n    env_file: [" + missing + "]\n")
                .file("mod/compose.yaml", "services:\n  m: {image: alpine}\n")
                .error(List.of("compose.yaml"), "couldn't find env file: " + missing);
    }
}
