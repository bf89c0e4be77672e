package io.berth.compose.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.compose.Project;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles and services named on the command line, as compose-go applies them after loading (WithProfiles,
 * WithServicesEnabled, WithSelectedServices; loader/tests/profiles_test.go and the selection tests of
 * loader/loader_test.go).
 */
class ProfilesTest {
    private static final String PROJECT = """
            name: prof
            services:
              app: {image: app}
              debug: {image: dbg, profiles: [debug, dev]}
              tools: {image: tools, profiles: [tools]}
            """;

    @TempDir
    Path dir;

    private ProjectFixture fx() {
        return new ProjectFixture(dir).file("compose.yaml", PROJECT);
    }

    private static List<String> names(Project p) {
        return List.copyOf(p.services().keySet());
    }

    @Test
    void whenNoProfileIsActive_thenOnlyServicesWithoutProfilesAreEnabled() {
        Project p = fx().load("compose.yaml");
        assertEquals(List.of("app"), names(p));
        assertEquals("absent", ProjectFixture.service(p, "debug"));
    }

    @Test
    void whenAProfileIsActive_thenItsServicesAreEnabledWithTheirProfilesListed() {
        Project p = fx().load(b -> b.files(List.of("compose.yaml")).profiles(List.of("debug")));
        assertEquals(List.of("app", "debug"), names(p));
        assertEquals("[\"debug\",\"dev\"]", ProjectFixture.json(p, "services", "debug", "profiles"));
    }

    @Test
    void whenProfileFlagIsGiven_thenComposeProfilesIsIgnored() {
        Project p = fx().env("COMPOSE_PROFILES", "tools")
                .load(b -> b.files(List.of("compose.yaml")).profiles(List.of("dev")));
        assertEquals(List.of("app", "debug"), names(p));
    }

    @Test
    void whenProfileIsStar_thenEveryServiceIsEnabled() {
        Project p = fx().env("COMPOSE_PROFILES", "*").load("compose.yaml");
        assertEquals(List.of("app", "debug", "tools"), names(p));
    }

    @Test
    void whenAnEnabledServiceRequiresADisabledOne_thenTheProjectIsInconsistent() {
        new ProjectFixture(dir).file("compose.yaml", """
                        name: prof
                        services:
                          a: {image: a, depends_on: [b]}
                          b: {image: b, profiles: [x]}
                        """)
                .error(List.of("compose.yaml"), "service \"a\" depends on undefined service \"b\"");
    }

    @Test
    void whenTheDisabledDependencyIsOptional_thenItIsKeptInDependsOn() {
        Project p = new ProjectFixture(dir).file("compose.yaml", """
                        name: prof
                        services:
                          a: {image: a, depends_on: {b: {condition: service_started, required: false}}}
                          b: {image: b, profiles: [x]}
                        """)
                .load("compose.yaml");
        assertEquals("{\"b\":{\"condition\":\"service_started\",\"required\":false}}",
                ProjectFixture.json(p, "services", "a", "depends_on"));
    }

    @Test
    void whenADisabledServiceIsNamed_thenItsProfilesAreActivatedAndOthersLeftOut() {
        Project p = fx().load(b -> b.files(List.of("compose.yaml")).services(List.of("debug")));
        assertEquals(List.of("debug"), names(p));
    }

    @Test
    void whenAServiceIsNamed_thenItsDependenciesComeWithIt_andOptionalOnesLeftOutAreDropped() {
        Project p = new ProjectFixture(dir).file("compose.yaml", """
                        name: prof
                        services:
                          web:
                            image: nginx
                            depends_on:
                              api: {condition: service_started}
                              cache: {condition: service_started, required: false}
                          api: {image: alpine}
                          cache: {image: redis, profiles: [cache]}
                          worker: {image: busybox}
                        """)
                .load(b -> b.files(List.of("compose.yaml")).services(List.of("web")));
        assertEquals(List.of("api", "web"), names(p));
        assertEquals("{\"api\":{\"condition\":\"service_started\",\"required\":true}}",
                ProjectFixture.json(p, "services", "web", "depends_on"));
    }

    @Test
    void whenANamedServiceRequiresAServiceInAnotherProfile_thenThereIsNoSuchService() {
        new ProjectFixture(dir).file("compose.yaml", """
                        name: prof
                        services:
                          debug: {image: d, profiles: [debug], depends_on: [dep]}
                          dep: {image: d, profiles: [other]}
                        """)
                .error(b -> b.files(List.of("compose.yaml")).services(List.of("debug")), "no such service: dep");
    }

    @Test
    void whenAnUnselectedServiceHasAMissingEnvFile_thenItDoesNotMatter() {
        Project p = new ProjectFixture(dir).file("compose.yaml", """
                        name: prof
                        services:
                          web: {image: nginx}
                          other: {image: alpine, env_file: [{path: missing.env, required: true}]}
                        """)
                .load(b -> b.files(List.of("compose.yaml")).services(List.of("web")));
        assertEquals(List.of("web"), names(p));
        new ProjectFixture(dir).error(List.of("compose.yaml"), "missing.env");
    }
}
