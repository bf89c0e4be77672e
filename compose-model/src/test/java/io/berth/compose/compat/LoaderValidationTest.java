package io.berth.compose.compat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files compose-go refuses, and the words its error carries (what its loader, validation and schema tests
 * assert): each must fail here too, with a message containing the same words.
 */
class LoaderValidationTest {
    @TempDir
    Path dir;

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
                refused("a scalar document is not a compose file", "1\n", "top-level object must be a mapping"),
                refused("a list document is not a compose file", "[\"hello\"]\n",
                        "top-level object must be a mapping"),
                refused("an integer key at top level is refused", "123:\n  foo:\n    image: busybox\n",
                        "non-string key at top level: 123"),
                refused("an integer service name is refused", """
                        services:
                          foo:
                            image: busybox
                          123:
                            image: busybox
                        """, "non-string key in services: 123"),
                refused("an integer key inside a list item names the item index", """
                        services:
                          foo:
                            image: busybox
                        networks:
                          default:
                            ipam:
                              config:
                                - 123: oh dear
                        """, "non-string key in networks.default.ipam.config[0]: 123"),
                refused("an integer environment key is refused", """
                        services:
                          dict-env:
                            image: busybox
                            environment:
                              1: FOO
                        """, "non-string key in services.dict-env.environment: 1"),
                refused("a version 1 file has unknown top-level keys", "foo:\n  image: busybox\n",
                        "additional properties 'foo' not allowed"),
                refused("services as a list", "services:\n  - foo:\n      image: busybox\n",
                        "services must be a mapping"),
                refused("a service as a string", "services:\n  foo: busybox\n", "services.foo must be a mapping"),
                refused("networks as a list", "networks:\n  - default:\n      driver: bridge\n",
                        "networks must be a mapping"),
                refused("a network as a string", "networks:\n  default: bridge\n",
                        "networks.default must be a mapping"),
                refused("volumes as a list", "volumes:\n  - data:\n      driver: local\n",
                        "volumes must be a mapping"),
                refused("a volume as a string", "volumes:\n  data: local\n", "volumes.data must be a mapping"),
                refused("an image as a list", "services:\n  foo:\n    image: [busybox, latest]\n",
                        "services.foo.image must be a string"),
                refused("an environment value as a list", """
                        services:
                          dict-env:
                            image: busybox
                            environment:
                              FOO: ["1"]
                        """, "services.dict-env.environment.FOO must be a boolean, null, number or string"),
                refused("environment as one string", """
                        services:
                          dict-env:
                            image: busybox
                            environment: "FOO=1"
                        """, "services.dict-env.environment must be a mapping"),
                refused("an environment entry with a space before =", """
                        services:
                          test:
                            image: x
                            environment:
                              - DEBUG = true
                        """, "environment variable DEBUG  is declared with a trailing space"),
                refused("a tab used for indentation", "services:\n  web:\n    image: nginx\n\tbuild: .\n",
                        "found a tab character that violates indentation"),
                refused("an unknown resources key", """
                        services:
                          foo:
                            image: busybox
                            deploy:
                              resources:
                                impossible:
                                  x: 1
                        """, "additional properties 'impossible' not allowed"),
                refused("an external volume with a driver", """
                        volumes:
                          external_volume:
                            external: true
                            driver: foobar
                        """, "volumes.external_volume: conflicting parameters \"external\" and \"driver\" specified"),
                refused("an external volume with driver_opts", """
                        volumes:
                          external_volume:
                            external: true
                            driver_opts:
                              beep: boop
                        """, "volumes.external_volume: conflicting parameters \"external\" and \"driver_opts\""
                        + " specified"),
                refused("an external volume with labels", """
                        volumes:
                          external_volume:
                            external: true
                            labels:
                              - beep=boop
                        """, "volumes.external_volume: conflicting parameters \"external\" and \"labels\" specified"),
                refused("a volume with both name and external.name", """
                        volumes:
                          external_volume:
                            name: user_specified_name
                            external:
                              name: external_name
                        """, "volumes.external_volume: name and external.name conflict; only use name"),
                refused("a secret with both name and external.name", """
                        secrets:
                          external_secret:
                            name: user_specified_name
                            external:
                              name: external_name
                        """, "secrets.external_secret: name and external.name conflict; only use name"),
                refused("a network with both name and external.name", """
                        networks:
                          foo:
                            name: user_specified_name
                            external:
                              name: external_name
                        """, "networks.foo: name and external.name conflict; only use name"),
                refused("an unknown key in a long-syntax mount", """
                        services:
                          tmpfs:
                            image: nginx:latest
                            volumes:
                              - type: tmpfs
                                target: /app
                                foo:
                                  bar: zot
                        """, "services.tmpfs.volumes.0 additional properties 'foo' not allowed"),
                refused("a bind mount without a source", """
                        services:
                          tmpfs:
                            image: nginx:latest
                            volumes:
                              - type: bind
                                target: /app
                        """, "invalid mount config for type \"bind\": field Source must not be empty"),
                refused("a negative tmpfs size", """
                        services:
                          tmpfs:
                            image: nginx:latest
                            volumes:
                              - type: tmpfs
                                target: /app
                                tmpfs:
                                  size: -1
                        """, "services.tmpfs.volumes.0.tmpfs.size must be greater than or equal to 0"),
                refused("a fractional tmpfs size", """
                        services:
                          tmpfs:
                            image: nginx:latest
                            volumes:
                              - type: tmpfs
                                target: /app
                                tmpfs:
                                  size: 0.0001
                        """, "services.tmpfs.volumes.0.tmpfs.size must be a integer"),
                refused("a device count that is neither a number nor all", """
                        services:
                          hello-world:
                            image: redis:alpine
                            deploy:
                              resources:
                                reservations:
                                  devices:
                                    - driver: nvidia
                                      capabilities: [gpu]
                                      count: some_string
                        """, "invalid value \"some_string\", the only value allowed is 'all' or a number"),
                refused("a device request with both count and device_ids", """
                        services:
                          hello-world:
                            image: redis:alpine
                            deploy:
                              resources:
                                reservations:
                                  devices:
                                    - driver: nvidia
                                      capabilities: [gpu]
                                      count: 2
                                      device_ids: ["my-device-id"]
                        """, "\"count\" and \"device_ids\" attributes are exclusive"),
                refused("a device reservation without capabilities", """
                        services:
                          hello-world:
                            image: redis:alpine
                            deploy:
                              resources:
                                reservations:
                                  devices:
                                    - driver: nvidia
                                      count: 2
                        """, "missing property 'capabilities'"),
                refused("an empty build ssh", """
                        services:
                          test:
                            build:
                              context: .
                              ssh:
                        """, "services.test.build.ssh must be a mapping"),
                refused("a project name that is a list", "name: [x]\nservices:\n  a:\n    image: x\n",
                        "name must be a string"),
                refused("a dependency cycle through three services", """
                        services:
                          service1:
                            image: a
                            depends_on: [service2]
                          service2:
                            image: a
                            depends_on: [service3]
                          service3:
                            image: a
                            depends_on: [service1]
                        """, "dependency cycle detected: service1 -> service2 -> service3 -> service1"),
                refused("a service depending on itself", """
                        services:
                          service1:
                            image: a
                            depends_on: [service1]
                        """, "dependency cycle detected: service1 -> service1"),
                refused("a watch rule without action", """
                        services:
                          frontend:
                            image: x
                            develop:
                              watch:
                                - path: .
                        """, "services.frontend.develop.watch.0 missing property 'action'"),
                refused("network_mode together with networks", """
                        services:
                          redis:
                            image: x
                            network_mode: host
                            networks: [a]
                        networks:
                          a:
                        """, "service redis declares mutually exclusive `network_mode` and `networks`"),
                refused("two services with one container_name", """
                        services:
                          myservice:
                            image: scratch
                            container_name: mycontainer
                          myservice2:
                            image: scratch
                            container_name: mycontainer
                        """, "container name \"mycontainer\" is already in use by"),
                refused("a service without image or build", "services:\n  myservice:\n    restart: always\n",
                        "service \"myservice\" has neither an image nor a build context specified"),
                refused("a named volume that is not declared", """
                        services:
                          myservice:
                            image: my/service
                            volumes:
                              - myVolume:/use/local
                        """, "service \"myservice\" refers to undefined volume myVolume"),
                refused("a secret that is not declared", """
                        services:
                          myservice:
                            image: scratch
                            secrets: [foo]
                        """, "service \"myservice\" refers to undefined secret foo"),
                refused("a secret with neither file nor environment", """
                        services:
                          myservice:
                            image: scratch
                            secrets: [foo]
                        secrets:
                          foo: {}
                        """, "secrets.foo: one of file|environment must be set"),
                refused("a dependency on an undeclared service", """
                        services:
                          myservice:
                            image: scratch
                            depends_on: [missingservice]
                        """, "service \"myservice\" depends on undefined service \"missingservice\""),
                refused("an optional dependency on an undeclared service", """
                        services:
                          myservice:
                            image: scratch
                            depends_on:
                              other:
                                condition: service_started
                                required: false
                        """, "depends on undefined service"),
                refused("a sync watch rule without target", """
                        services:
                          myservice:
                            image: scratch
                            develop:
                              watch:
                                - action: sync+restart
                                  path: /app
                        """, "services.myservice.develop.watch: target is required for non-rebuild actions"),
                refused("a bind mount on a tmpfs target", """
                        services:
                          myservice:
                            image: scratch
                            tmpfs:
                              - /foo
                              - /conflict:size=64m
                            volumes:
                              - .:/bar
                              - .:/conflict
                        """, "services.myservice.volumes[1]: target /conflict already mounted as "
                        + "services.myservice.tmpfs[1]"),
                refused("an anchor merged into itself", """
                        x-healthcheck: &healthcheck
                          egress-service:
                            <<: *healthcheck
                        """, "cycle detected: node at path x-healthcheck.egress-service references node at path"),
                refused("a merge key on a scalar", """
                        x-scalar: &s "not-a-map"
                        services:
                          s1:
                            <<: *s
                        """, "map merge requires map"),
                refused("a bind mount without target", """
                        services:
                          web:
                            image: x
                            volumes:
                              - type: volume
                                source: data
                        """, "service volume services.web.volumes.[0] is missing a mount target"),
                refused("an env_file entry without path", """
                        services:
                          web:
                            image: x
                            env_file:
                              - required: true
                        """, "environment path attribute services.web.env_file.[0] is missing"),
                refused("an env_file in an unknown format", """
                        services:
                          web:
                            image: x
                            env_file:
                              - path: compose.yaml
                                format: toml
                        """, "unsupported env_file format \"toml\""),
                refused("a non-integer replicas", """
                        services:
                          web:
                            image: x
                            deploy:
                              replicas: "two"
                        """, "services.web.deploy.replicas: failed to cast to expected type"),
                refused("extends without a service", """
                        services:
                          web:
                            image: x
                            extends:
                              file: other.yaml
                        """, "extends.web.service is required"),
                refused("an include entry that is a number", "include: [12]\nservices:\n  a:\n    image: x\n",
                        "'[0]' expected a map or struct, got 'int'"),
                refused("a label list entry that is a number", "services:\n  a:\n    image: x\n    labels: [1]\n",
                        "services.a.labels.[0]: unexpected type int"),
                refused("a pids limit that is not a number",
                        "services:\n  a:\n    image: x\n    deploy: {resources: {limits: {pids: abc}}}\n",
                        "strconv.ParseInt: parsing \"abc\": invalid syntax"),
                refused("a cpus limit that is not a number",
                        "services:\n  a:\n    image: x\n    deploy: {resources: {limits: {cpus: abc}}}\n",
                        "strconv.ParseFloat: parsing \"abc\": invalid syntax"),
                refused("a secret entry that is a number", "services:\n  a:\n    image: x\n    secrets: [1]\n",
                        "services.a.secrets.[0]: unsupported expose value %!s(int=1)"),
                refused("cpus with a limits block that does not set cpus", """
                        services:
                          a:
                            image: x
                            cpus: 1.5
                            deploy: {resources: {limits: {memory: 1g}}}
                        """, "can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus'"),
                refused("mem_limit with a limits block that does not set memory", """
                        services:
                          a:
                            image: x
                            mem_limit: 512m
                            deploy: {resources: {limits: {cpus: '0.5'}}}
                        """, "can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'"),
                refused("mem_reservation with a reservations block that does not set memory", """
                        services:
                          a:
                            image: x
                            mem_reservation: 1g
                            deploy: {resources: {reservations: {cpus: '1'}}}
                        """, "can't set distinct values on 'mem_reservation' and "
                        + "'deploy.resources.reservations.memory'"),
                refused("a list item in a mapping", "services:\n  a:\n    image: x\n  - b\n",
                        "did not find expected key"),
                refused("a mapping entry in a list", "services:\n  - a\n  b: c\n",
                        "did not find expected '-' indicator"),
                refused("a value after a value on one line", "services:\n  a: b: c\n",
                        "mapping values are not allowed in this context"),
                refused("an unclosed flow mapping", "a: {b: c\n", "did not find expected ',' or '}'"),
                refused("an alias to no anchor", "services:\n  a:\n    image: *nope\n",
                        "unknown anchor 'nope' referenced"),
                refused("a port that is a fraction", "services:\n  a:\n    image: x\n    ports: [8080.5]\n",
                        "services.a.ports: invalid type float64 for port"),
                refused("a negative scale", "services:\n  myservice:\n    image: scratch\n    scale: -1\n",
                        "services.myservice.scale: must be greater than or equal to 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void whenComposeGoRefusesTheFile_thenLoadingFailsWithItsWords(String behaviour, String yaml, String words) {
        new Compat(dir).error(yaml, words);
    }

    private static Arguments refused(String behaviour, String yaml, String words) {
        return Arguments.of(behaviour, yaml, words);
    }
}
