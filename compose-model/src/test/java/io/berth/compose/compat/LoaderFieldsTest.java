package io.berth.compose.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service fields as {@code docker compose config --format json} prints them: the JSON type of each value
 * (durations as Go prints them, byte sizes as decimal strings, published ports as strings, float32 values in
 * their shortest form), defaults and short syntax expanded, from what compose-go's per-field loader tests assert.
 */
class LoaderFieldsTest {
    @TempDir
    Path dir;

    private Compat compat;

    @BeforeEach
    void setUp() {
        compat = new Compat(dir);
    }

    private String field(String serviceYaml, String field) {
        return field(serviceYaml, field, "");
    }

    /** One field of service {@code foo} declared by {@code serviceYaml}, with more top-level sections after it. */
    private String field(String serviceYaml, String field, String topLevel) {
        return compat.field("name: test\nservices:\n  foo:\n" + serviceYaml.indent(4) + topLevel, "foo", field);
    }

    @Test
    void whenPortsUseShortSyntax_thenEachBecomesATargetWithAStringPublishedPort() {
        assertEquals("[{\"mode\":\"ingress\",\"target\":8080,\"published\":\"80\",\"protocol\":\"tcp\"},"
                        + "{\"mode\":\"ingress\",\"target\":8090,\"published\":\"90\",\"protocol\":\"udp\"},"
                        + "{\"mode\":\"ingress\",\"target\":8600,\"protocol\":\"tcp\"}]",
                field("image: alpine\nports:\n  - \"80:8080\"\n  - \"90:8090/udp\"\n  - 8600\n", "ports"));
    }

    @Test
    void whenPortsGiveARange_thenOnePortPerNumberAndDuplicatesOfTheRangeAreDropped() {
        assertEquals("[{\"mode\":\"ingress\",\"target\":8080,\"published\":\"80\",\"protocol\":\"tcp\"},"
                        + "{\"mode\":\"ingress\",\"target\":8081,\"published\":\"81\",\"protocol\":\"tcp\"},"
                        + "{\"mode\":\"ingress\",\"target\":8082,\"published\":\"82\",\"protocol\":\"tcp\"}]",
                field("image: alpine\nports:\n  - \"80:8080\"\n  - \"80-82:8080-8082\"\n", "ports"));
    }

    @Test
    void whenPortsUseLongSyntax_thenNameModeAndAppProtocolAreKept() {
        assertEquals("[{\"mode\":\"host\",\"target\":80,\"published\":\"8080\",\"protocol\":\"tcp\"},"
                        + "{\"name\":\"http\",\"mode\":\"ingress\",\"target\":81,\"published\":\"8081\","
                        + "\"protocol\":\"tcp\",\"app_protocol\":\"http\"},"
                        + "{\"mode\":\"ingress\",\"host_ip\":\"::1\",\"target\":9001,\"published\":\"9001\","
                        + "\"protocol\":\"tcp\"}]",
                field("""
                        image: alpine
                        ports:
                          - target: 80
                            published: 8080
                            protocol: tcp
                            mode: host
                          - name: http
                            published: 8081
                            target: 81
                            app_protocol: http
                          - "[::1]:9001:9001"
                        """, "ports"));
    }

    @Test
    void whenBuildSetsEveryField_thenEachPrintsWithItsComposeType() {
        String build = field("""
                build:
                  context: ./dir
                  dockerfile: Dockerfile
                  args: {foo: bar}
                  target: foo
                  network: foo
                  cache_from: [foo, bar]
                  cache_to: [user/app:cache, "type=local,dest=path/to/cache"]
                  labels: [FOO=BAR]
                  additional_contexts: {foo: ./bar, img: "docker-image://foo"}
                  tags: ["foo:v1.0.0"]
                  platforms: [linux/amd64]
                  no_cache: true
                  pull: true
                  shm_size: 128m
                  isolation: process
                  privileged: true
                  entitlements: [network.host]
                  provenance: mode=max
                  sbom: true
                  no_cache_filter: foo
                  ssh: [default]
                  secrets:
                    - source: secret2
                      target: my_secret
                      uid: '103'
                      gid: '103'
                      mode: 0440
                  ulimits:
                    nproc: 65535
                    nofile: {soft: 1, hard: 2}
                """, "build", "secrets:\n  secret2:\n    external: true\n");
        String d = dir.toString();
        assertEquals("{\"context\":\"" + d + "/dir\",\"dockerfile\":\"Dockerfile\",\"entitlements\":[\"network.host\"],"
                + "\"args\":{\"foo\":\"bar\"},\"provenance\":\"mode=max\",\"sbom\":\"true\",\"ssh\":[\"default\"],"
                + "\"labels\":{\"FOO\":\"BAR\"},\"cache_from\":[\"foo\",\"bar\"],"
                + "\"cache_to\":[\"user/app:cache\",\"type=local,dest=path/to/cache\"],\"no_cache\":true,"
                + "\"no_cache_filter\":[\"foo\"],\"additional_contexts\":{\"foo\":\"" + d + "/bar\","
                + "\"img\":\"docker-image://foo\"},\"pull\":true,\"isolation\":\"process\",\"network\":\"foo\","
                + "\"target\":\"foo\",\"secrets\":[{\"source\":\"secret2\",\"target\":\"my_secret\",\"uid\":\"103\","
                + "\"gid\":\"103\",\"mode\":\"0440\"}],\"shm_size\":\"134217728\",\"tags\":[\"foo:v1.0.0\"],"
                + "\"ulimits\":{\"nofile\":{\"soft\":1,\"hard\":2},\"nproc\":65535},\"platforms\":[\"linux/amd64\"],"
                + "\"privileged\":true}", build);
    }

    @Test
    void whenBuildIsAString_thenItIsTheContextAndDockerfileDefaults() {
        assertEquals("{\"context\":\"" + dir + "/ctx\",\"dockerfile\":\"Dockerfile\"}", field("build: ./ctx\n", "build"));
        assertEquals("{\"context\":\"" + dir + "\",\"dockerfile_inline\":\"FROM alpine\\n\"}",
                field("build:\n  dockerfile_inline: |\n    FROM alpine\n", "build"));
    }

    @Test
    void whenDeploySetsEveryField_thenDurationsAreGoDurationsAndCpusAreFloat32Numbers() {
        String deploy = field("""
                image: alpine
                deploy:
                  mode: replicated
                  replicas: 6
                  labels: [FOO=BAR]
                  endpoint_mode: dnsrr
                  update_config:
                    parallelism: 3
                    delay: 10s
                    failure_action: continue
                    monitor: 60s
                    max_failure_ratio: 0.3
                    order: start-first
                  resources:
                    limits:
                      cpus: '0.001'
                      memory: 50M
                      pids: 10
                    reservations:
                      cpus: '0.0001'
                      memory: 20M
                      generic_resources:
                        - discrete_resource_spec:
                            kind: 'gpu'
                            value: 2
                  restart_policy:
                    condition: on-failure
                    delay: 5s
                    max_attempts: 3
                    window: 120s
                  placement:
                    constraints: [node=foo]
                    max_replicas_per_node: 5
                    preferences:
                      - spread: node.labels.az
                """, "deploy");
        assertEquals("{\"mode\":\"replicated\",\"replicas\":6,\"labels\":{\"FOO\":\"BAR\"},"
                + "\"update_config\":{\"parallelism\":3,\"delay\":\"10s\",\"failure_action\":\"continue\","
                + "\"monitor\":\"1m0s\",\"max_failure_ratio\":0.3,\"order\":\"start-first\"},"
                + "\"resources\":{\"limits\":{\"cpus\":0.001,\"memory\":\"52428800\",\"pids\":10},"
                + "\"reservations\":{\"cpus\":0.0001,\"memory\":\"20971520\",\"generic_resources\":"
                + "[{\"discrete_resource_spec\":{\"kind\":\"gpu\",\"value\":2}}]}},"
                + "\"restart_policy\":{\"condition\":\"on-failure\",\"delay\":\"5s\",\"max_attempts\":3,"
                + "\"window\":\"2m0s\"},\"placement\":{\"constraints\":[\"node=foo\"],"
                + "\"preferences\":[{\"spread\":\"node.labels.az\"}],\"max_replicas_per_node\":5},"
                + "\"endpoint_mode\":\"dnsrr\"}", deploy);
    }

    @Test
    void whenDeployHasNoPlacement_thenAnEmptyPlacementIsStillPrinted() {
        assertEquals("{\"resources\":{\"reservations\":{\"devices\":[{\"capabilities\":[\"gpu\"],\"driver\":\"nvidia\","
                        + "\"count\":-1,\"options\":{\"q_bits\":\"42\"}}]}},\"placement\":{}}",
                field("""
                        image: alpine
                        deploy:
                          resources:
                            reservations:
                              devices:
                                - driver: nvidia
                                  capabilities: ["gpu"]
                                  count: all
                                  options:
                                    q_bits: 42
                        """, "deploy"));
    }

    @Test
    void whenFloat32FieldsHaveFractions_thenTheyPrintInShortestFormAsNumbers() {
        assertEquals("0.5", field("image: x\ncpus: 0.5\n", "cpus"));
        assertEquals("1.5", field("image: x\ncpus: \"1.5\"\n", "cpus"));
        assertEquals("{\"max_failure_ratio\":0.1}",
                field("image: x\ndeploy:\n  update_config:\n    max_failure_ratio: 0.1\n", "deploy")
                        .replaceAll(".*\"update_config\":(\\{[^}]*\\}).*", "$1"));
    }

    @Test
    void whenTopLevelExtensionsHoldFloats_thenGoJsonNumberFormattingIsUsed() {
        String json = compat.json("""
                name: test
                services:
                  foo:
                    image: x
                x-a: 1.5
                x-b: 0.0000001
                x-c: 1e22
                x-d: [0.1, 100.25, -3.5e-8, 1.0]
                """);
        assertEquals("\"x-a\":1.5,\"x-b\":1e-7,\"x-c\":1e+22,\"x-d\":[0.1,100.25,-3.5e-8,1]",
                json.substring(json.indexOf("\"x-a\""), json.length() - 1));
    }

    @Test
    void whenGpusIsAll_thenOneRequestForAllDevices() {
        assertEquals("[{\"count\":-1}]", field("image: x\ngpus: all\n", "gpus"));
        assertEquals("[{\"driver\":\"nvidia\",\"device_ids\":[\"0\"]},{\"capabilities\":[\"gpu\"],\"count\":-1}]",
                field("image: x\ngpus:\n  - driver: nvidia\n    device_ids: [\"0\"]\n  - capabilities: [gpu]\n",
                        "gpus"));
    }

    @Test
    void whenHealthcheckTestIsAString_thenItRunsInAShellAndDurationsPrintAsGo() {
        assertEquals("{\"test\":[\"CMD-SHELL\",\"echo \\\"hello world\\\"\"],\"timeout\":\"1s\",\"interval\":\"10s\","
                        + "\"retries\":5,\"start_period\":\"15s\",\"start_interval\":\"5s\"}",
                field("""
                        image: alpine
                        healthcheck:
                          test: echo "hello world"
                          interval: 10s
                          timeout: 1s
                          retries: 5
                          start_period: 15s
                          start_interval: 5s
                        """, "healthcheck"));
    }

    @Test
    void whenEnvironmentMixesTypes_thenValuesAreStringsAndUnsetOnesResolveFromTheEnvironment() {
        String yaml = """
                name: test
                services:
                  foo:
                    image: alpine
                    environment:
                      FOO: "1"
                      BAR: 2
                      GA: 2.5
                      BU: ""
                      ZO:
                      MEU:
                      T: true
                """;
        assertEquals("{\"BAR\":\"2\",\"BU\":\"\",\"FOO\":\"1\",\"GA\":\"2.5\",\"MEU\":\"Shadoks\",\"T\":\"true\","
                + "\"ZO\":null}", compat.withEnv(Map.of("MEU", "Shadoks")).field(yaml, "foo", "environment"));
    }

    @Test
    void whenDevicesUseShortSyntax_thenTargetDefaultsToSourceAndPermissionsToRwm() {
        assertEquals("[{\"source\":\"/dev/source\",\"target\":\"/dev/target\",\"permissions\":\"permissions\"},"
                        + "{\"source\":\"/dev/single\",\"target\":\"/dev/single\",\"permissions\":\"rwm\"},"
                        + "{\"source\":\"/dev/s\",\"target\":\"/dev/t\"}]",
                field("""
                        image: alpine
                        devices:
                          - /dev/source:/dev/target:permissions
                          - /dev/single
                          - source: /dev/s
                            target: /dev/t
                        """, "devices"));
    }

    @Test
    void whenExtraHostsMixSeparatorsAndRepeats_thenHostEqualsIpEntriesAreSorted() {
        assertEquals("[\"alpha=50.31.209.229\",\"myhost=0.0.0.1\",\"myhost=0.0.0.2\",\"v6=::1\",\"zulu=127.0.0.2\","
                        + "\"zulu=ff02::1\"]",
                field("""
                        image: alpine
                        extra_hosts:
                          - "zulu:127.0.0.2"
                          - "alpha:50.31.209.229"
                          - "zulu:ff02::1"
                          - "myhost=0.0.0.1,0.0.0.2"
                          - "v6:[::1]"
                        """, "extra_hosts"));
        assertEquals("[\"myhost=0.0.0.1\",\"myhost=0.0.0.2\"]",
                field("image: alpine\nextra_hosts:\n  myhost: [\"0.0.0.1\", \"0.0.0.2\"]\n", "extra_hosts"));
    }

    @Test
    void whenStringOrListFieldsAreStrings_thenTheyBecomeOneElementLists() {
        assertEquals("[\"8.8.8.8\"]", field("image: x\ndns: 8.8.8.8\n", "dns"));
        assertEquals("[\"example.com\"]", field("image: x\ndns_search: example.com\n", "dns_search"));
        assertEquals("[\"/run\"]", field("image: x\ntmpfs: /run\n", "tmpfs"));
        assertEquals("[\"80\",\"90-91\"]", field("image: x\nexpose: [80, \"90-91\"]\n", "expose"));
        assertEquals("[\"wheel\",\"100\"]", field("image: x\ngroup_add: [wheel, 100]\n", "group_add"));
    }

    @Test
    void whenShortVolumeSyntaxVaries_thenTypeOptionsAndTargetsFollowComposeGo() {
        String vols = compat.withEnv(Map.of()).field("""
                name: test
                services:
                  foo:
                    image: alpine
                    volumes:
                      - /var/lib/mysql
                      - /opt/data:/var/lib/mysql
                      - ./cache:/tmp/cache/
                      - datavolume:/var/lib/x
                      - ./x:/y:rw,z
                      - ./x:/y2:ro,Z,nocopy
                      - ./x:/y3:shared
                      - datavolume:/v2:nocopy
                      - 'C:\\data:/win'
                volumes:
                  datavolume:
                """, "foo", "volumes");
        String d = dir.toString();
        assertEquals("[{\"type\":\"bind\",\"source\":\"/opt/data\",\"target\":\"/var/lib/mysql\",\"bind\":{}},"
                + "{\"type\":\"bind\",\"source\":\"" + d + "/cache\",\"target\":\"/tmp/cache\",\"bind\":{}},"
                + "{\"type\":\"volume\",\"source\":\"datavolume\",\"target\":\"/var/lib/x\",\"volume\":{}},"
                + "{\"type\":\"bind\",\"source\":\"" + d + "/x\",\"target\":\"/y\",\"bind\":{\"selinux\":\"z\"}},"
                + "{\"type\":\"bind\",\"source\":\"" + d + "/x\",\"target\":\"/y2\",\"read_only\":true,"
                + "\"bind\":{\"selinux\":\"Z\"},\"volume\":{\"nocopy\":true}},"
                + "{\"type\":\"bind\",\"source\":\"" + d + "/x\",\"target\":\"/y3\",\"bind\":{\"propagation\":\"shared\"}},"
                + "{\"type\":\"volume\",\"source\":\"datavolume\",\"target\":\"/v2\",\"volume\":{\"nocopy\":true}},"
                + "{\"type\":\"bind\",\"source\":\"C:\\\\data\",\"target\":\"/win\",\"bind\":{}}]", vols);
    }

    @Test
    void whenInterpolatedValuesFillTypedFields_thenTheyAreCastToTheFieldType() {
        String yaml = """
                name: cast
                services:
                  web:
                    image: w
                    secrets:
                      - source: super
                        mode: "$theint"
                    healthcheck:
                      retries: ${theint}
                      disable: $thebool
                    deploy:
                      replicas: $theint
                      update_config:
                        parallelism: $theint
                        max_failure_ratio: $thefloat
                    ports:
                      - $theint
                      - target: $theint
                        published: "$theint"
                    ulimits:
                      nproc: $theint
                    privileged: $thebool
                    shm_size: ${thesize}
                    stop_grace_period: ${theduration}
                secrets:
                  super:
                    external: $thebool
                """;
        String web = compat.withEnv(Map.of("theint", "555", "thefloat", "3.14", "thebool", "true",
                "theduration", "60s", "thesize", "2gb")).service(yaml, "web");
        assertEquals("{\"command\":null,\"deploy\":{\"replicas\":555,\"update_config\":{\"parallelism\":555,"
                + "\"max_failure_ratio\":3.14},\"resources\":{},\"placement\":{}},\"entrypoint\":null,"
                + "\"healthcheck\":{\"retries\":555,\"disable\":true},\"image\":\"w\",\"networks\":{\"default\":null},"
                + "\"ports\":[{\"mode\":\"ingress\",\"target\":555,\"protocol\":\"tcp\"},"
                + "{\"mode\":\"ingress\",\"target\":555,\"published\":\"555\",\"protocol\":\"tcp\"}],"
                + "\"privileged\":true,\"secrets\":[{\"source\":\"super\",\"target\":\"/run/secrets/super\","
                + "\"mode\":\"0555\"}],\"shm_size\":\"2147483648\",\"stop_grace_period\":\"1m0s\","
                + "\"ulimits\":{\"nproc\":555}}", web);
    }

    @Test
    void whenFieldsUseLegacyOrEdgeValues_thenComposeGoReadingIsKept() {
        assertEquals("true", field("image: x\ninit: yes\n", "init"));
        assertEquals("\"-1\"", field("image: x\nmemswap_limit: -1\n", "memswap_limit"));
        assertEquals("\"655360\"", field("image: x\nmemswap_limit: 640kb\n", "memswap_limit"));
        assertEquals("absent", field("image: x\ndns: ${UNSET_VAR}\n", "dns"));
        assertEquals("[]", field("image: x\nentrypoint: []\n", "entrypoint"));
        assertEquals("null", field("image: x\n", "command"));
        assertEquals("[\"/code/entrypoint.sh\",\"-p\",\"3000\"]",
                field("image: x\nentrypoint: /code/entrypoint.sh -p 3000\n", "entrypoint"));
        assertEquals("\"every_2d\"", field("image: x\npull_policy: every_2d\n", "pull_policy"));
    }

    @Test
    void whenNamesComeFromTheProject_thenComposeProjectNameIsInterpolated() {
        assertEquals("\"interpolated-web\"", compat.field("""
                name: interpolated
                services:
                  web:
                    image: web
                    container_name: ${COMPOSE_PROJECT_NAME}-web
                """, "web", "container_name"));
    }

    @Test
    void whenMappingsMixListAndMapSyntax_thenBothGiveSortedStringMaps() {
        assertEquals("{\"com.example.description\":\"Accounting webapp\",\"com.example.empty-label\":\"\","
                        + "\"com.example.number\":\"42\"}",
                field("""
                        image: alpine
                        labels:
                          com.example.description: "Accounting webapp"
                          com.example.number: 42
                          com.example.empty-label:
                        """, "labels"));
        assertEquals("{\"net.core.somaxconn\":\"1024\",\"testing.one.one\":\"\",\"testing.one.two\":\"\"}",
                field("image: x\nsysctls:\n  - net.core.somaxconn=1024\n  - testing.one.one=\n  - testing.one.two\n",
                        "sysctls"));
        assertEquals("{\"com.example.foo\":\"bar\"}",
                field("image: x\nannotations:\n  - com.example.foo=bar\n", "annotations"));
    }

    @Test
    void whenEnvFilesAreRead_thenServiceEnvironmentWinsAndRawFilesAreTakenVerbatim() {
        compat.write("a.env", "A=1\nB=${A}-x\nC=\"quoted # kept\"\nD=unquoted # comment\nexport E=exported\n");
        compat.write("raw.env", "A=raw${X}  \n  # comment\nB=\"q\" # kept\nF\n");
        String yaml = """
                name: test
                services:
                  a:
                    image: x
                    env_file:
                      - a.env
                      - path: missing.env
                        required: false
                    environment:
                      A: override
                  b:
                    image: x
                    env_file:
                      - path: raw.env
                        format: raw
                """;
        Compat withF = compat.withEnv(Map.of("F", "from-env"));
        assertEquals("{\"A\":\"override\",\"B\":\"override-x\",\"C\":\"quoted # kept\",\"D\":\"unquoted\","
                + "\"E\":\"exported\"}", withF.field(yaml, "a", "environment"));
        assertEquals("{\"A\":\"raw${X}  \",\"B\":\"\\\"q\\\" # kept\",\"F\":\"from-env\"}",
                withF.field(yaml, "b", "environment"));
        assertEquals("absent", withF.field(yaml, "b", "env_file"));
    }

    @Test
    void whenMappingValuesAreYamlNumbers_thenTheyPrintAsGoFmtSprintDoes() {
        assertEquals("{\"A\":\"1\",\"B\":\"1000\",\"C\":\"1e+21\",\"D\":\"1e-05\",\"E\":\"1.234567895e+08\","
                        + "\"F\":\"31\",\"G\":\"15\",\"M\":\"1e+06\",\"N\":\"999999\",\"O\":\"100000.5\","
                        + "\"P\":\"-0.0001\",\"Q\":\"2.5\"}",
                field("""
                        image: x
                        environment:
                          A: 1.0
                          B: 1e3
                          C: 1e21
                          D: 0.00001
                          E: 123456789.5
                          F: 0x1F
                          G: 017
                          M: 1000000.0
                          N: 999999.0
                          O: 100000.5
                          P: -0.0001
                          Q: 2.5
                        """, "environment"));
    }

    @Test
    void whenAUlimitIsZero_thenItPrintsAsAnEmptyObject() {
        assertEquals("{\"core\":{\"soft\":1},\"nofile\":{},\"nproc\":{}}", field("""
                image: x
                ulimits:
                  nproc: 0
                  nofile: {soft: 0, hard: 0}
                  core: {soft: 1, hard: 0}
                """, "ulimits"));
    }

    @Test
    void whenABooleanFieldIsAString_thenOnlyComposeGoBooleanWordsAreAccepted() {
        assertEquals("true", field("image: x\nattach: \"YES\"\n", "attach"));
        assertEquals("true", field("image: x\nstdin_open: \"on\"\n", "stdin_open"));
        compat.error("name: test\nservices:\n  foo:\n    image: x\n    attach: \"1\"\n", "invalid boolean: 1");
    }

    @Test
    void whenTheSamePortIsListedTwice_thenOnlyEntriesWithTheSameGoKeyAreMerged() {
        // compose-go keys a long-syntax port as fmt.Sprintf("%s:%s:%d/%s"): a published number is not its string
        assertEquals("[{\"mode\":\"host\",\"target\":80,\"published\":\"80\",\"protocol\":\"tcp\"},"
                        + "{\"mode\":\"ingress\",\"host_ip\":\"0.0.0.0\",\"target\":81,\"published\":\"81\","
                        + "\"protocol\":\"tcp\"},"
                        + "{\"name\":\"web\",\"mode\":\"ingress\",\"host_ip\":\"0.0.0.0\",\"target\":81,"
                        + "\"published\":\"81\",\"protocol\":\"tcp\"},"
                        + "{\"mode\":\"ingress\",\"target\":9000,\"protocol\":\"tcp\"}]",
                field("""
                        image: x
                        ports:
                          - "80:80"
                          - target: 80
                            published: "80"
                            mode: host
                          - "0.0.0.0:81:81"
                          - target: 81
                            published: 81
                            host_ip: 0.0.0.0
                            protocol: tcp
                            name: web
                          - 9000
                          - target: 9000
                        """, "ports"));
    }

    @Test
    void whenServiceAndDeployLimitsAgree_thenBothArePrinted() {
        assertEquals("\"536870912\"", field("image: x\nmem_limit: 512m\ndeploy: {resources: {limits: {memory: 512m}}}\n",
                "mem_limit"));
        assertEquals("0.5", field("image: x\ncpus: 0.5\ndeploy: {resources: {limits: {cpus: '0.5'}}}\n", "cpus"));
        assertEquals("10", field("image: x\npids_limit: 10\ndeploy: {resources: {reservations: {cpus: '1'}}}\n",
                "pids_limit"));
    }

    @Test
    void whenIntegerFieldsGetFractions_thenTheyAreTruncatedAsMapstructureDoes() {
        assertEquals("1", field("image: x\ncpu_shares: 1.5\n", "cpu_shares"));
        assertEquals("{\"retries\":1}", field("image: x\nhealthcheck: {retries: 1.5}\n", "healthcheck"));
    }
}
