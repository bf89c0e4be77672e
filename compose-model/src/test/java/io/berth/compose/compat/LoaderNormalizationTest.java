package io.berth.compose.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What compose-go's normalization and project post-processing add to what the file says, as
 * {@code docker compose config --format json} prints it: resource names, the default network, implicit
 * dependencies, build defaults, resolved environment, label files, and unused resources dropped.
 */
class LoaderNormalizationTest {
    @TempDir
    Path dir;

    private Compat compat;

    @BeforeEach
    void setUp() {
        compat = new Compat(dir);
    }

    @Test
    void whenResourcesHaveNoName_thenTheyAreNamedAfterTheProjectExceptExternalOnes() {
        String yaml = """
                name: myProject
                services:
                  foo:
                    image: x
                    networks: [myExternalnet, myNamedNet, mynet]
                    volumes: [myExternalVol:/a, myvol:/b, myNamedVol:/c]
                networks:
                  myExternalnet:
                    external: true
                  myNamedNet:
                    name: CustomName
                  mynet: {}
                  unused: {}
                volumes:
                  myExternalVol:
                    external: true
                  myvol: {}
                  myNamedVol:
                    name: CustomName
                """;
        assertEquals("{\"myExternalnet\":{\"name\":\"myExternalnet\",\"ipam\":{},\"external\":true},"
                + "\"myNamedNet\":{\"name\":\"CustomName\",\"ipam\":{}},\"mynet\":{\"name\":\"myproject_mynet\",\"ipam\":{}}}",
                Compat.compact(compat.load(yaml).jsonModel().get("networks")));
        assertEquals("{\"myExternalVol\":{\"name\":\"myExternalVol\",\"external\":true},\"myNamedVol\":{\"name\":"
                + "\"CustomName\"},\"myvol\":{\"name\":\"myproject_myvol\"}}",
                Compat.compact(compat.load(yaml).jsonModel().get("volumes")));
    }

    @Test
    void whenServicesShareNamespacesLinksOrVolumes_thenImplicitDependenciesAreAdded() {
        String yaml = """
                name: p
                services:
                  foo:
                    image: x
                    depends_on:
                      bar:
                        condition: service_healthy
                        required: true
                        restart: true
                    network_mode: service:zot
                  bar:
                    image: x
                    volumes_from: [zot, "container:xxx"]
                  zot:
                    image: x
                  test:
                    image: x
                    ipc: service:foo
                    pid: service:qux
                    links: ["corge:alias"]
                    depends_on:
                      foo:
                        condition: service_healthy
                  qux: {image: x}
                  corge: {image: x}
                """;
        assertEquals("{\"bar\":{\"condition\":\"service_healthy\",\"restart\":true,\"required\":true},"
                + "\"zot\":{\"condition\":\"service_started\",\"restart\":true,\"required\":true}}",
                compat.field(yaml, "foo", "depends_on"));
        assertEquals("{\"zot\":{\"condition\":\"service_started\",\"required\":true}}",
                compat.field(yaml, "bar", "depends_on"));
        assertEquals("{\"corge\":{\"condition\":\"service_started\",\"restart\":true,\"required\":true},"
                + "\"foo\":{\"condition\":\"service_healthy\",\"required\":true},"
                + "\"qux\":{\"condition\":\"service_started\",\"restart\":true,\"required\":true}}",
                compat.field(yaml, "test", "depends_on"));
        assertEquals("absent", compat.field(yaml, "foo", "networks"));
    }

    @Test
    void whenBuildArgsAndEnvironmentAreUnset_thenTheyResolveFromTheEnvironmentOrAreDropped() {
        String yaml = """
                name: p
                services:
                  foo:
                    image: x
                    pull_policy: if_not_present
                    build:
                      args: [BARG, NOPE, EMPTY=]
                    environment: [FOO, BAR, ZOT=QIX]
                    volumes:
                      - type: volume
                        target: /data/../x/
                """;
        Compat env = compat.withEnv(Map.of("BARG", "fromenv", "BAR", "bar"));
        assertEquals("{\"context\":\"" + dir + "\",\"dockerfile\":\"Dockerfile\",\"args\":{\"BARG\":\"fromenv\","
                + "\"EMPTY\":\"\"}}", env.field(yaml, "foo", "build"));
        assertEquals("{\"BAR\":\"bar\",\"FOO\":null,\"ZOT\":\"QIX\"}", env.field(yaml, "foo", "environment"));
        assertEquals("\"missing\"", env.field(yaml, "foo", "pull_policy"));
        assertEquals("[{\"type\":\"volume\",\"target\":\"/x\"}]", env.field(yaml, "foo", "volumes"));
    }

    @Test
    void whenPreStartHooksHaveNoImage_thenTheyInheritTheServiceImage() {
        assertEquals("[{\"command\":[\"migrate\"],\"image\":\"alpine\"},{\"command\":[\"echo\",\"hi\"],"
                + "\"image\":\"busybox\"}]", compat.field("""
                name: p
                services:
                  app:
                    image: alpine
                    pre_start:
                      - command: ["migrate"]
                      - image: busybox
                        command: ["echo", "hi"]
                """, "app", "pre_start"));
    }

    @Test
    void whenLabelAndEnvFilesAreListed_thenLaterFilesOverrideEarlierOnes() {
        compat.write("one.label", "FOO=foo_from_label_file\nLABEL.WITH.DOT=ok\nBAR=bar_from_label_file\n");
        compat.write("two.label", "BAR=bar_from_label_file_2\nQUX=quz_from_label_file_2\n");
        compat.write("one.env", "# passed through\nFOO=foo_from_env_file\nENV.WITH.DOT=ok\nBAR=bar_from_env_file\n");
        compat.write("two.env", "BAR=bar_from_env_file_2\n");
        String yaml = """
                name: p
                services:
                  s1:
                    image: x
                    label_file: ./one.label
                    labels: {QUX: own}
                  s2:
                    image: x
                    label_file: [./one.label, ./two.label]
                  web:
                    image: nginx
                    env_file:
                      - one.env
                      - path: two.env
                        required: false
                """;
        assertEquals("{\"BAR\":\"bar_from_label_file\",\"FOO\":\"foo_from_label_file\",\"LABEL.WITH.DOT\":\"ok\","
                + "\"QUX\":\"own\"}", compat.field(yaml, "s1", "labels"));
        assertEquals("{\"BAR\":\"bar_from_label_file_2\",\"FOO\":\"foo_from_label_file\",\"LABEL.WITH.DOT\":\"ok\","
                + "\"QUX\":\"quz_from_label_file_2\"}", compat.field(yaml, "s2", "labels"));
        assertEquals("absent", compat.field(yaml, "s2", "label_file"));
        assertEquals("{\"BAR\":\"bar_from_env_file_2\",\"ENV.WITH.DOT\":\"ok\",\"FOO\":\"foo_from_env_file\"}",
                compat.field(yaml, "web", "environment"));
    }

    @Test
    void whenAServiceIsAProviderOrHasANetworkMode_thenItGetsNoDefaultNetwork() {
        String yaml = """
                name: p
                services:
                  secrets:
                    provider:
                      type: example-provider
                      options: {name: secrets, size: 1}
                  host:
                    image: x
                    network_mode: host
                  empty:
                    image: x
                    networks: {front: {}, back: }
                networks:
                  front:
                  back:
                """;
        assertEquals("absent", compat.field(yaml, "secrets", "networks"));
        assertEquals("{\"type\":\"example-provider\",\"options\":{\"name\":[\"secrets\"],\"size\":[\"1\"]}}",
                compat.field(yaml, "secrets", "provider"));
        assertEquals("absent", compat.field(yaml, "host", "networks"));
        assertEquals("{\"back\":null,\"front\":{}}", compat.field(yaml, "empty", "networks"));
    }
}
