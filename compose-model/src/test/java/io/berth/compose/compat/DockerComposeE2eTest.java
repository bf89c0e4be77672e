package io.berth.compose.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.ConfigRenderer;
import io.berth.compose.Project;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docker/compose's own end-to-end tests ({@code pkg/e2e/*_test.go}) assert about {@code docker compose config}
 * output, on our own files.
 */
class DockerComposeE2eTest {
    @TempDir
    Path dir;

    /**
     * TestConfigInterpolate: {@code config --no-interpolate} keeps {@code dockerfile: ${MYVAR}} plain, as go-yaml
     * prints any string that reads back as a string (snakeyaml would tag "${VAR}" as {@code !!env} and quote it).
     */
    @Test
    void noInterpolateKeepsVariableExpressionsUnquotedInYaml() {
        Project p = new ProjectFixture(dir)
                .file("compose.yaml", """
                        services:
                          nginx:
                            build:
                              context: nginx-build
                              dockerfile: ${MYVAR}
                            image: "${IMG:-nginx}"
                            environment:
                              A: ${X:?required}
                              B: "1.5"
                        """)
                .load(b -> b.files(java.util.List.of("compose.yaml")).interpolate(false).projectName("proj"));
        String yaml = ConfigRenderer.yaml(p);

        assertTrue(yaml.contains("\n      dockerfile: ${MYVAR}\n"), yaml);
        assertTrue(yaml.contains("\n    image: ${IMG:-nginx}\n"), yaml);
        assertTrue(yaml.contains("\n      A: ${X:?required}\n"), yaml);
        assertTrue(yaml.contains("\n      B: \"1.5\"\n"), yaml);
    }

    /** TestLocalComposeConfig: {@code config --variables --format yaml} is yaml.Marshal's four-space map. */
    @Test
    void goYamlUsesFourSpacesAndQuotesOnlyAmbiguousStrings() {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", "PORT");
        fields.put("defaultvalue", "8080");
        fields.put("presencevalue", "");
        fields.put("required", false);

        assertEquals("PORT:\n    name: PORT\n    defaultvalue: \"8080\"\n    presencevalue: \"\"\n    required: false\n",
                ConfigRenderer.goYaml(Map.of("PORT", fields)));
    }
}
