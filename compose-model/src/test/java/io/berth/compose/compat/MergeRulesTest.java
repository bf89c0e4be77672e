package io.berth.compose.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.compose.Project;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docker compose -f base.yaml -f override.yaml config}: compose-go's merge rule for each service field
 * (override/merge_*_test.go), then unicity (override/uncity_test.go), as the merged project prints.
 */
class MergeRulesTest {
    @TempDir
    Path dir;

    /**
     * One merge rule: the service {@code web} in the base file (which also declares {@code image: foo}) and in the
     * override file, and the printed field after the merge.
     */
    record Rule(String name, String base, String override, String field, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rule> rules() {
        return Stream.of(
                new Rule("environment: mapping over sequence merges by key, later value wins",
                        "environment: [FOO=BAR, EMPTY=, NIL]",
                        "environment: {FOO: ZOT, QIX: '1'}",
                        "environment", "{\"EMPTY\":\"\",\"FOO\":\"ZOT\",\"NIL\":null,\"QIX\":\"1\"}"),
                new Rule("environment: a number becomes a string",
                        "environment: {FOO: BAR}", "environment: {FOO: 3}",
                        "environment", "{\"FOO\":\"3\"}"),
                new Rule("labels: sequence over mapping merges by key",
                        "labels: {FOO: BAR, QIX: x}", "labels: [QIX=ZOT, EMPTY=]",
                        "labels", "{\"EMPTY\":\"\",\"FOO\":\"BAR\",\"QIX\":\"ZOT\"}"),
                new Rule("annotations merge by key",
                        "annotations: [FOO=BAR]", "annotations: {FOO: 3, QIX: ZOT}",
                        "annotations", "{\"FOO\":\"3\",\"QIX\":\"ZOT\"}"),
                new Rule("sysctls: mapping and sequence merge by key",
                        "sysctls: [net.core.somaxconn=1024]",
                        "sysctls: {net.core.somaxconn: 2048, net.ipv4.tcp_syncookies: 0}",
                        "sysctls", "{\"net.core.somaxconn\":\"2048\",\"net.ipv4.tcp_syncookies\":\"0\"}"),
                new Rule("command is replaced, not appended",
                        "command: [a, b]", "command: c d",
                        "command", "[\"c\",\"d\"]"),
                new Rule("entrypoint is replaced, not appended",
                        "entrypoint: [/bin/sh, -c]", "entrypoint: [/bin/bash]",
                        "entrypoint", "[\"/bin/bash\"]"),
                new Rule("healthcheck.test is replaced while other healthcheck keys merge",
                        "healthcheck: {test: [CMD, a], retries: 3}", "healthcheck: {test: [CMD, b]}",
                        "healthcheck", "{\"test\":[\"CMD\",\"b\"],\"retries\":3}"),
                new Rule("scalars are replaced",
                        "scale: 1", "scale: 2",
                        "scale", "2"),
                new Rule("mem_limit: a string over a number replaces it",
                        "mem_limit: 1", "mem_limit: 256m",
                        "mem_limit", "\"268435456\""),
                new Rule("cap_add and cap_drop append without duplicates",
                        "cap_add: [CAP_KILL, CAP_CHOWN]\n    cap_drop: [NET_ADMIN]",
                        "cap_add: [CAP_KILL, CAP_BPF]\n    cap_drop: [NET_ADMIN, SYS_ADMIN]",
                        "cap_add", "[\"CAP_KILL\",\"CAP_CHOWN\",\"CAP_BPF\"]"),
                new Rule("profiles append without duplicates",
                        "profiles: [p1, p2]", "profiles: [p2, p3]",
                        "profiles", "[\"p1\",\"p2\",\"p3\"]"),
                new Rule("dns: a string and a list append",
                        "dns: 8.8.8.8", "dns: [9.9.9.9, 8.8.8.8]",
                        "dns", "[\"8.8.8.8\",\"9.9.9.9\"]"),
                new Rule("dns_search and dns_opt append",
                        "dns_search: dc1.example.com\n    dns_opt: [use-vc]",
                        "dns_search: [dc2.example.com]\n    dns_opt: [no-tld-query]",
                        "dns_search", "[\"dc1.example.com\",\"dc2.example.com\"]"),
                new Rule("extra_hosts: only an identical string is dropped, so host:ip and host=ip both stay",
                        "extra_hosts: ['example.com:1.2.3.4', 'localhost:127.0.0.1']",
                        "extra_hosts: {example.com: 4.3.2.1, localhost: 127.0.0.1}",
                        "extra_hosts", "[\"example.com=1.2.3.4\",\"example.com=4.3.2.1\",\"localhost=127.0.0.1\","
                                + "\"localhost=127.0.0.1\"]"),
                new Rule("tmpfs: a string and a list append",
                        "tmpfs: /foo", "tmpfs: [/bar, /foo]",
                        "tmpfs", "[\"/foo\",\"/bar\"]"),
                new Rule("ports: the same mapping given twice is kept once",
                        "ports: ['8080:80', '9090:90']", "ports: ['8080:80', {target: 81, published: '8081'}]",
                        "ports", "[{\"mode\":\"ingress\",\"target\":80,\"published\":\"8080\",\"protocol\":\"tcp\"},"
                                + "{\"mode\":\"ingress\",\"target\":90,\"published\":\"9090\",\"protocol\":\"tcp\"},"
                                + "{\"mode\":\"ingress\",\"target\":81,\"published\":\"8081\",\"protocol\":\"tcp\"}]"),
                new Rule("volumes: a mount on the same target replaces the earlier one in place",
                        "volumes: ['data:/data', 'logs:/logs']", "volumes: [{type: tmpfs, target: /data}, 'extra:/x']",
                        "volumes", "[{\"type\":\"tmpfs\",\"target\":\"/data\"},"
                                + "{\"type\":\"volume\",\"source\":\"logs\",\"target\":\"/logs\",\"volume\":{}},"
                                + "{\"type\":\"volume\",\"source\":\"extra\",\"target\":\"/x\",\"volume\":{}}]"),
                new Rule("devices: a device on the same container path replaces the earlier one",
                        "devices: ['/dev/sda:/dev/sda', '/dev/sdb:/dev/sdb']", "devices: ['/dev/nvme0n1:/dev/sda']",
                        "devices", "[{\"source\":\"/dev/nvme0n1\",\"target\":\"/dev/sda\",\"permissions\":\"rwm\"},"
                                + "{\"source\":\"/dev/sdb\",\"target\":\"/dev/sdb\",\"permissions\":\"rwm\"}]"),
                new Rule("secrets: the same target is kept once, the later source winning",
                        "secrets: [foo, {source: bar, target: /run/secrets/bar}]",
                        "secrets: [{source: zot, target: /run/secrets/foo}, zot]",
                        "secrets", "[{\"source\":\"zot\",\"target\":\"/run/secrets/foo\"},"
                                + "{\"source\":\"bar\",\"target\":\"/run/secrets/bar\"},"
                                + "{\"source\":\"zot\",\"target\":\"/run/secrets/zot\"}]"),
                new Rule("logging: the same driver merges options",
                        "logging: {driver: syslog, options: {syslog-address: 'tcp://a:1'}}",
                        "logging: {driver: syslog, options: {tag: web}}",
                        "logging", "{\"driver\":\"syslog\",\"options\":{\"syslog-address\":\"tcp://a:1\",\"tag\":\"web\"}}"),
                new Rule("logging: another driver replaces the options",
                        "logging: {driver: json-file, options: {max-size: 10m}}",
                        "logging: {driver: syslog, options: {syslog-address: 'tcp://a:1'}}",
                        "logging", "{\"driver\":\"syslog\",\"options\":{\"syslog-address\":\"tcp://a:1\"}}"),
                new Rule("logging: without a driver on one side options merge",
                        "logging: {options: {max-size: 10m}}",
                        "logging: {driver: local, options: {max-file: 3}}",
                        "logging", "{\"driver\":\"local\",\"options\":{\"max-file\":\"3\",\"max-size\":\"10m\"}}"),
                new Rule("networks: a list and a mapping merge by name",
                        "networks: [front, back]", "networks: {back: {aliases: [b]}, extra: null}",
                        "networks", "{\"back\":{\"aliases\":[\"b\"]},\"extra\":null,\"front\":null}"),
                new Rule("networks: aliases append without duplicates",
                        "networks: {front: {aliases: [a1, a2]}}", "networks: {front: {aliases: [a2, a3]}}",
                        "networks", "{\"front\":{\"aliases\":[\"a1\",\"a2\",\"a3\"]}}"),
                new Rule("depends_on: a list and a mapping merge by service",
                        "depends_on: [db]", "depends_on: {cache: {condition: service_healthy}}",
                        "depends_on", "{\"cache\":{\"condition\":\"service_healthy\",\"required\":true},"
                                + "\"db\":{\"condition\":\"service_started\",\"required\":true}}"),
                new Rule("build: a string context and a mapping merge",
                        "build: ./app", "build: {target: prod, args: [A=1]}",
                        "build", "{\"context\":\"@DIR@/app\",\"dockerfile\":\"Dockerfile\",\"args\":{\"A\":\"1\"},"
                                + "\"target\":\"prod\"}"),
                new Rule("build.args merge by key, an arg without value and unset in the environment is dropped",
                        "build: {context: ., args: {A: '1', B: '2'}}", "build: {args: [B=3, C]}",
                        "build", "{\"context\":\"@DIR@\",\"dockerfile\":\"Dockerfile\",\"args\":{\"A\":\"1\",\"B\":\"3\"}}"),
                new Rule("ulimits: a limit is replaced as a whole, not merged",
                        "ulimits: {nofile: {soft: 20000, hard: 40000}, nproc: 100}",
                        "ulimits: {nofile: {soft: 10000, hard: 20000}, nproc: {soft: 50, hard: 60}}",
                        "ulimits", "{\"nofile\":{\"soft\":10000,\"hard\":20000},\"nproc\":{\"soft\":50,\"hard\":60}}"),
                new Rule("models: short and long syntax merge by name",
                        "models: [llm]", "models: {llm: {endpoint_var: URL}, other: {}}",
                        "models", "{\"llm\":{\"endpoint_var\":\"URL\"},\"other\":{}}"),
                new Rule("deploy.labels merge by key",
                        "deploy: {labels: [A=1]}", "deploy: {labels: {B: '2'}, replicas: 2}",
                        "deploy", "{\"replicas\":2,\"labels\":{\"A\":\"1\",\"B\":\"2\"},\"resources\":{},"
                                + "\"placement\":{}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void whenOverrideFileSetsAField_thenCompiledMergeRuleApplies(Rule rule) {
        ProjectFixture fx = new ProjectFixture(dir).env("COMPOSE_PROFILES", "p1")
                .file("base.yaml", "services:\n  db: {image: db}\n  cache: {image: cache}\n  web:\n    image: foo\n    "
                        + rule.base() + "\n" + TOP_LEVEL)
                .file("override.yaml", "services:\n  web:\n    " + rule.override() + "\n");
        Project p = fx.load("base.yaml", "override.yaml");
        assertEquals(rule.expected().replace("@DIR@", dir.toString()),
                ProjectFixture.json(p, "services", "web", rule.field()));
    }

    /** Everything the rules' services refer to, so that the project is consistent. */
    private static final String TOP_LEVEL = """
            networks: {front: {}, back: {}, extra: {}}
            volumes: {data: {}, logs: {}, extra: {}}
            secrets: {foo: {file: ./s}, bar: {file: ./s}, zot: {file: ./s}}
            models: {llm: {model: ai/smollm2}, other: {model: ai/smollm2}}
            """;

    @Test
    void whenSecondFileRepeatsAPortOfTheFirstInLongSyntax_thenItIsKeptOnce() {
        ProjectFixture fx = new ProjectFixture(dir)
                .file("a.yaml", "services:\n  web:\n    image: foo\n    ports: ['8080:80']\n")
                .file("b.yaml", "services:\n  web:\n    ports: [{target: 80, published: '8080', protocol: tcp}]\n");
        assertEquals("[{\"mode\":\"ingress\",\"target\":80,\"published\":\"8080\",\"protocol\":\"tcp\"}]",
                ProjectFixture.json(fx.load("a.yaml", "b.yaml"), "services", "web", "ports"));
    }

    @Test
    void whenEnvFileIsGivenAsStringThenAsList_thenFilesAreReadInOrderAndTheLaterWins() {
        ProjectFixture fx = new ProjectFixture(dir)
                .file("foo.env", "A=foo\nB=foo\n")
                .file("bar.env", "B=bar\n")
                .file("a.yaml", "services:\n  web:\n    image: foo\n    env_file: foo.env\n")
                .file("b.yaml", "services:\n  web:\n    env_file: [bar.env, {path: foo.env, required: true}]\n");
        Project p = fx.load("a.yaml", "b.yaml");
        // foo.env is listed once (unicity by path) at its first position, so bar.env is read last
        assertEquals("{\"A\":\"foo\",\"B\":\"bar\"}", ProjectFixture.json(p, "services", "web", "environment"));
        assertEquals("absent", ProjectFixture.json(p, "services", "web", "env_file"));
    }

    @Test
    void whenEnvironmentRepeatsAKey_thenTheLastDefinitionWins() {
        ProjectFixture fx = new ProjectFixture(dir)
                .file("a.yaml", "services:\n  web:\n    image: foo\n    environment: [FOO=BAR, QIX=, ZOT, FOO=ZOT]\n")
                .file("b.yaml", "services:\n  web:\n    environment: [QIX, ZOT=]\n");
        assertEquals("{\"FOO\":\"ZOT\",\"QIX\":null,\"ZOT\":\"\"}",
                ProjectFixture.json(fx.load("a.yaml", "b.yaml"), "services", "web", "environment"));
    }

    @Test
    void whenOneFileMountsTwiceOnATarget_thenTheLaterMountTakesTheFirstOnesPlace() {
        ProjectFixture fx = new ProjectFixture(dir)
                .file("compose.yaml", "services:\n  web:\n    image: foo\n    volumes: ['.:/foo', 'data:/bar', 'src:/foo']\n"
                        + "volumes: {data: {}, src: {}}\n");
        assertEquals("[{\"type\":\"volume\",\"source\":\"src\",\"target\":\"/foo\",\"volume\":{}},"
                        + "{\"type\":\"volume\",\"source\":\"data\",\"target\":\"/bar\",\"volume\":{}}]",
                ProjectFixture.json(fx.load("compose.yaml"), "services", "web", "volumes"));
    }

    @Test
    void whenOneFileRepeatsAPort_thenItIsKeptOnce_butAnotherHostIpOrProtocolIsAnotherPort() {
        ProjectFixture fx = new ProjectFixture(dir).file("compose.yaml", """
                services:
                  web:
                    image: foo
                    ports:
                      - "9080:80"
                      - "9080:80"
                      - "6060:6060/udp"
                      - target: 80
                        host_ip: 127.0.0.1
                        published: "8080"
                      - target: 80
                        host_ip: 127.0.0.2
                        published: "8080"
                      - target: 80
                        host_ip: 127.0.0.1
                        published: "8080"
                        mode: host
                """);
        assertEquals("[{\"mode\":\"ingress\",\"target\":80,\"published\":\"9080\",\"protocol\":\"tcp\"},"
                        + "{\"mode\":\"ingress\",\"target\":6060,\"published\":\"6060\",\"protocol\":\"udp\"},"
                        + "{\"mode\":\"host\",\"host_ip\":\"127.0.0.1\",\"target\":80,\"published\":\"8080\",\"protocol\":\"tcp\"},"
                        + "{\"mode\":\"ingress\",\"host_ip\":\"127.0.0.2\",\"target\":80,\"published\":\"8080\",\"protocol\":\"tcp\"}]",
                ProjectFixture.json(fx.load("compose.yaml"), "services", "web", "ports"));
    }

    @Test
    void whenNetworkIpamConfigIsOverridden_thenConfigsMergeBySubnet() {
        ProjectFixture fx = new ProjectFixture(dir)
                .file("a.yaml", """
                        services: {web: {image: foo, networks: [n]}}
                        networks:
                          n:
                            ipam:
                              config:
                                - subnet: 10.0.0.0/24
                                  gateway: 10.0.0.1
                        """)
                .file("b.yaml", """
                        networks:
                          n:
                            ipam:
                              config:
                                - subnet: 10.0.0.0/24
                                  ip_range: 10.0.0.0/25
                                - subnet: 10.1.0.0/24
                        """);
        assertEquals("{\"config\":[{\"subnet\":\"10.0.0.0/24\",\"gateway\":\"10.0.0.1\",\"ip_range\":\"10.0.0.0/25\"},"
                        + "{\"subnet\":\"10.1.0.0/24\"}]}",
                ProjectFixture.json(fx.load("a.yaml", "b.yaml"), "networks", "n", "ipam"));
    }

    @Test
    void whenTopLevelResourceIsOverridden_thenLabelsMergeAndScalarsAreReplaced() {
        ProjectFixture fx = new ProjectFixture(dir)
                .file("a.yaml", """
                        services: {web: {image: foo, volumes: ['data:/data']}}
                        volumes: {data: {driver: local, labels: [a=1]}}
                        """)
                .file("b.yaml", "volumes: {data: {driver: other, labels: {b: '2'}}}\n");
        assertEquals("{\"name\":\"" + projectName() + "_data\",\"driver\":\"other\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}}",
                ProjectFixture.json(fx.load("a.yaml", "b.yaml"), "volumes", "data"));
    }

    private String projectName() {
        return dir.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    }
}
