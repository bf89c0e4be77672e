package io.berth.compose.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.compose.Project;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code !reset} and {@code !override} across files, as compose-go's ResetProcessor applies them
 * (loader/reset_test.go, loader/merge_reset_test.go, loader/override_test.go).
 */
class ResetOverrideTest {
    @TempDir
    Path dir;

    private ProjectFixture fx() {
        return new ProjectFixture(dir);
    }

    @Test
    void whenOverrideResetsFields_thenTheBaseValuesAreGoneAndOtherKeysStay() {
        Project p = fx()
                .file("base.yml", """
                        name: test
                        services:
                          foo:
                            build: {context: ., dockerfile: foo.Dockerfile}
                            environment: {FOO: BAR, KEEP: x}
                            command: [a, b]
                        """)
                .file("override.yml", """
                        services:
                          foo:
                            image: foo
                            build: !reset
                            environment:
                              FOO: !reset
                            command: !reset []
                        """)
                .load("base.yml", "override.yml");
        assertEquals("{\"command\":null,\"entrypoint\":null,\"environment\":{\"KEEP\":\"x\"},\"image\":\"foo\","
                + "\"networks\":{\"default\":null}}", ProjectFixture.service(p, "foo"));
    }

    @Test
    void whenOverrideTagReplacesASequence_thenItIsNotAppended() {
        Project p = fx()
                .file("a.yaml", "name: t\nservices:\n  web: {image: w, ports: ['80:80'], networks: [front]}\n"
                        + "networks: {front: {}, back: {}}\n")
                .file("b.yaml", "services:\n  web:\n    ports: !override ['81:81']\n    networks: !override [back]\n")
                .load("a.yaml", "b.yaml");
        assertEquals("[{\"mode\":\"ingress\",\"target\":81,\"published\":\"81\",\"protocol\":\"tcp\"}]",
                ProjectFixture.json(p, "services", "web", "ports"));
        assertEquals("{\"back\":null}", ProjectFixture.json(p, "services", "web", "networks"));
    }

    @Test
    void whenANetworkIsResetOrOverridden_thenItIsRemovedOrRedefinedFromScratch() {
        Project p = fx()
                .file("a.yaml", """
                        name: t
                        services: {web: {image: w, networks: [kept, replaced]}}
                        networks:
                          kept: {name: kept, external: true}
                          replaced: {name: replaced, external: true}
                          removed: {external: true}
                        """)
                .file("b.yaml", "networks:\n  replaced: !override {}\n  removed: !reset {}\n")
                .load("a.yaml", "b.yaml");
        assertEquals("{\"kept\":{\"name\":\"kept\",\"ipam\":{},\"external\":true},\"replaced\":{\"name\":\"t_replaced\",\"ipam\":{}}}",
                ProjectFixture.json(p, "networks"));
    }

    @Test
    void whenSequenceItemsAreTagged_thenResetItemsAreDroppedAndOverrideItemsKept() {
        Project p = fx().file("compose.yaml", """
                name: t
                services:
                  web:
                    image: w
                    ports: ['80:80', !reset '81:81', !override '82:82']
                    environment: {A: !reset x, B: !override y}
                """).load("compose.yaml");
        assertEquals("[{\"mode\":\"ingress\",\"target\":80,\"published\":\"80\",\"protocol\":\"tcp\"},"
                        + "{\"mode\":\"ingress\",\"target\":82,\"published\":\"82\",\"protocol\":\"tcp\"}]",
                ProjectFixture.json(p, "services", "web", "ports"));
        assertEquals("{\"B\":\"y\"}", ProjectFixture.json(p, "services", "web", "environment"));
    }

    @Test
    void whenIncludedServiceIsRedefinedWithReset_thenTheIncludedValueIsDropped() {
        Project p = fx()
                .file("inc/compose.yaml", "services:\n  s: {image: inc, ports: ['80:80'], environment: [A=1]}\n")
                .file("compose.yaml", "name: t\ninclude: [inc/compose.yaml]\nservices:\n  s:\n    ports: !reset []\n"
                        + "    environment: {B: '2'}\n")
                .load("compose.yaml");
        assertEquals("{\"command\":null,\"entrypoint\":null,\"environment\":{\"A\":\"1\",\"B\":\"2\"},\"image\":\"inc\","
                + "\"networks\":{\"default\":null}}", ProjectFixture.service(p, "s"));
    }

    @Test
    void whenAKeyIsRepeatedWithAResetTag_thenItIsStillADuplicateKey() {
        fx().file("dup.yml", "name: test\nservices:\n  foo:\n    command: hello\n    command: !reset hello world\n")
                .error(List.of("dup.yml"), "line 5: mapping key \"command\" already defined at line 4");
    }

    @Test
    void whenOverrideChainsThroughExtends_thenEachLevelReplacesTheSequences() {
        Project p = fx()
                .file("base.yaml", "services:\n  base:\n    volumes: ['/foo:/foo']\n    networks: [foo]\n")
                .file("override.yaml", """
                        services:
                          override:
                            extends: {file: ./base.yaml, service: base}
                            volumes: !override ['/bar:/bar']
                            networks: !override [bar]
                        """)
                .file("compose.yaml", """
                        name: test
                        services:
                          test:
                            image: test
                            extends: {file: ./override.yaml, service: override}
                            volumes: ['/zot:/zot']
                            networks: !override [zot]
                        networks: {zot: {}}
                        """)
                .load("compose.yaml");
        assertEquals("[{\"type\":\"bind\",\"source\":\"/bar\",\"target\":\"/bar\",\"bind\":{}},"
                        + "{\"type\":\"bind\",\"source\":\"/zot\",\"target\":\"/zot\",\"bind\":{}}]",
                ProjectFixture.json(p, "services", "test", "volumes"));
        assertEquals("{\"zot\":null}", ProjectFixture.json(p, "services", "test", "networks"));
    }
}
