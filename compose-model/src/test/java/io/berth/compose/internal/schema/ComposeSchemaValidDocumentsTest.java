package io.berth.compose.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Documents of the shapes people write are accepted by the bundled Compose schema. */
class ComposeSchemaValidDocumentsTest {
    private static final SchemaValidator VALIDATOR = SchemaValidator.compose();

    static Object yaml(String text) {
        return new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    private static void assertValid(String text) {
        List<SchemaViolation> violations = VALIDATOR.validate(yaml(text));
        assertEquals(List.of(), violations, () -> "expected no violations for:\n" + text);
    }

    @Test
    void whenServiceHasOnlyAnImage_thenItIsValid() {
        assertValid("""
                services:
                  web:
                    image: nginx
                """);
    }

    @Test
    void whenPortsMixShortAndLongSyntax_thenTheyAreValid() {
        assertValid("""
                services:
                  web:
                    image: nginx
                    ports:
                      - "80:80"
                      - 8080
                      - "127.0.0.1:5000-5010:5000-5010/udp"
                      - target: 443
                        published: "8443"
                        protocol: tcp
                        mode: host
                        host_ip: 0.0.0.0
                        name: https
                        app_protocol: https
                        x-note: kept
                """);
    }

    @Test
    void whenVolumesMixShortAndLongSyntax_thenTheyAreValid() {
        assertValid("""
                services:
                  db:
                    image: postgres
                    volumes:
                      - data:/var/lib/postgresql/data
                      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro
                      - type: bind
                        source: ./conf
                        target: /etc/conf
                        read_only: true
                        bind:
                          create_host_path: true
                      - type: tmpfs
                        target: /tmp
                        tmpfs:
                          size: 1024
                volumes:
                  data:
                  named:
                    driver: local
                    external: false
                """);
    }

    @Test
    void whenBuildIsAStringOrAnObject_thenBothAreValid() {
        assertValid("""
                services:
                  short:
                    build: ./app
                  long:
                    build:
                      context: ./app
                      dockerfile: Dockerfile.dev
                      args:
                        VERSION: "1.2"
                      target: dev
                      cache_from: [registry/app:cache]
                """);
    }

    @Test
    void whenDeployAndHealthcheckUseGoDurations_thenTheyAreValid() {
        assertValid("""
                services:
                  web:
                    image: nginx
                    deploy:
                      mode: replicated
                      replicas: 3
                      resources:
                        limits:
                          cpus: "0.5"
                          memory: 512M
                      restart_policy:
                        condition: on-failure
                        delay: 5s
                        max_attempts: 3
                      update_config:
                        parallelism: 1
                        order: start-first
                        delay: 10s
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost"]
                      interval: 1m30s
                      timeout: 10s
                      retries: 3
                      start_period: 1.5h
                      start_interval: 500ms
                """);
    }

    @Test
    void whenExtensionsAppearAtTopLevelAndInAService_thenTheyAreValid() {
        assertValid("""
                x-common: &common
                  restart: always
                services:
                  web:
                    image: nginx
                    x-owner: team-a
                    x-anything: {nested: [1, 2, {deep: true}]}
                """);
    }

    @Test
    void whenNetworksHaveNullValues_thenTheyAreValid() {
        assertValid("""
                networks:
                  front:
                  back:
                    driver: bridge
                services:
                  web:
                    image: nginx
                    networks:
                      front:
                      back:
                        aliases: [api]
                """);
    }

    @Test
    void whenDependsOnAndEnvironmentUseListOrMap_thenBothFormsAreValid() {
        assertValid("""
                services:
                  a:
                    image: a
                    depends_on: [b]
                    environment:
                      - FOO=bar
                  b:
                    image: b
                    depends_on:
                      c:
                        condition: service_healthy
                        restart: true
                    environment:
                      FOO: bar
                      NUMBER: 1
                      FLAG: true
                      EMPTY:
                  c:
                    image: c
                """);
    }

    @Test
    void whenValuesAreStringsAwaitingInterpolation_thenTheyAreValid() {
        assertValid("""
                services:
                  web:
                    image: nginx
                    privileged: "${PRIVILEGED}"
                    cpu_count: "${CPUS}"
                    oom_score_adj: 500
                    pull_policy: every_12h
                """);
    }

    @Test
    void whenAnIntegerFieldHoldsAnIntegralDouble_thenItIsValid() {
        Object document = yaml("""
                services:
                  web:
                    image: nginx
                    volumes:
                      - type: tmpfs
                        target: /tmp
                        tmpfs:
                          size: 1024.0
                """);
        assertEquals(List.of(), VALIDATOR.validate(document));
    }

    @Test
    void whenHealthcheckIntervalIsNotADuration_thenTheSchemaStillAcceptsIt() {
        // The compose schema has no "format": durations are plain strings, and compose-go rejects a bad one only
        // when it converts the value, after validation. So must we.
        assertValid("""
                services:
                  web:
                    image: nginx
                    healthcheck:
                      interval: 1x
                """);
    }

    @Test
    void whenDocumentIsAnEmptyMapping_thenItIsValid() {
        assertValid("{}");
    }
}
