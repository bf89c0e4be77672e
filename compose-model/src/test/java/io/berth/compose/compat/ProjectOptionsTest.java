package io.berth.compose.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.LoadOptions;
import io.berth.compose.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What docker compose settles before loading (compose-go's cli/options_test.go): the project name, the files
 * ({@code -f}, {@code COMPOSE_FILE}, the default names), and the environment ({@code .env}, {@code --env-file},
 * {@code COMPOSE_*} settings).
 */
class ProjectOptionsTest {
    private static final String SIMPLE = "services:\n  simple:\n    image: nginx\n";

    @TempDir
    Path dir;

    private ProjectFixture fx() {
        return new ProjectFixture(dir);
    }

    // ---- project name ----

    @ParameterizedTest
    @ValueSource(strings = {"my_project", "42my_project_num"})
    void whenProjectNameIsGiven_thenItIsUsedAsIs(String name) {
        Project p = fx().file("compose.yaml", SIMPLE).load(b -> b.files(List.of("compose.yaml")).projectName(name));
        assertEquals(name, p.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-my_project", "_my_project", "www.my.project", "MY_PROJECT"})
    void whenProjectNameIsInvalid_thenItIsRefusedFromTheFlagAndFromTheEnvironment(String name) {
        String expected = "invalid project name \"" + name + "\": must consist only of lowercase alphanumeric "
                + "characters, hyphens, and underscores as well as start with a letter or number";
        fx().file("compose.yaml", SIMPLE).error(b -> b.files(List.of("compose.yaml")).projectName(name), expected);
        fx().env("COMPOSE_PROJECT_NAME", name).error(List.of("compose.yaml"), expected);
    }

    @Test
    void whenComposeProjectNameIsSet_thenItWinsOverTheFilesName() {
        Project p = fx().env("COMPOSE_PROJECT_NAME", "my_project_from_env")
                .file("compose.yaml", "name: from-file\n" + SIMPLE).load("compose.yaml");
        assertEquals("my_project_from_env", p.name());
    }

    @Test
    void whenNothingNamesTheProject_thenTheComposeFilesDirectoryNameIsNormalized() {
        Project p = fx().file("UNNORMALIZED PATH/compose.yaml", SIMPLE).load("UNNORMALIZED PATH/compose.yaml");
        assertEquals("unnormalizedpath", p.name());
    }

    @Test
    void whenProjectDirectoryIsGiven_thenTheProjectIsNamedAfterIt() {
        fx().file("proj/.keep", "").file("compose.yaml", SIMPLE);
        Project p = fx().load(b -> b.files(List.of("compose.yaml")).projectDirectory(dir.resolve("proj")));
        assertEquals("proj", p.name());
    }

    @Test
    void whenTopLevelNameHasAVariable_thenItIsInterpolated() {
        Project p = fx().env("TEST", "expected").file("compose.yaml", "name: test-${TEST}-test\n" + SIMPLE)
                .load("compose.yaml");
        assertEquals("test-expected-test", p.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"${UNSET_NAME}", "'!!!'"})
    void whenTopLevelNameInterpolatesOrNormalizesToNothing_thenTheDirectoryIsNotUsedInstead(String name) {
        fx().file("compose.yaml", "name: " + name + "\n" + SIMPLE)
                .error(List.of("compose.yaml"), "project name must not be empty");
    }

    @Test
    void whenTopLevelNameRequiresAnUnsetVariable_thenErrorSaysSo() {
        fx().file("compose.yaml", "name: ${PNAME:?set PNAME}\n" + SIMPLE)
                .error(List.of("compose.yaml"),
                        "error while interpolating name: required variable PNAME is missing a value: set PNAME");
    }

    @Test
    void whenProjectDirectoryIsTheRoot_thenTheProjectHasNoName() {
        fx().file("compose.yaml", SIMPLE)
                .error(b -> b.files(List.of("compose.yaml")).projectDirectory(Path.of("/")),
                        "project name must not be empty");
    }

    // ---- files ----

    @Test
    void whenSeveralFilesAreGiven_thenLaterOnesOverrideAndAllAreListed() {
        Project p = fx().file("compose.yaml", SIMPLE)
                .file("compose-with-overrides.yaml", "services:\n  simple:\n    image: haproxy\n")
                .load("compose.yaml", "compose-with-overrides.yaml");
        assertEquals("\"haproxy\"", ProjectFixture.json(p, "services", "simple", "image"));
        assertEquals(List.of(dir.resolve("compose.yaml").toString(),
                dir.resolve("compose-with-overrides.yaml").toString()), p.composeFiles());
    }

    @Test
    void whenNoFileIsGiven_thenDefaultFilesAreSearchedInParentDirectories_andTheirDotEnvIsRead() {
        fx().file("compose.yaml", "services:\n  simple:\n    image: nginx:${TAG}\n")
                .file("compose.override.yml", "services:\n  simple:\n    ports: ['8000:80']\n")
                .file(".env", "TAG=from-parent\n")
                .file("sub/dir/.keep", "");
        Project p = new io.berth.compose.ComposeLoader().load(
                LoadOptions.builder(dir.resolve("sub/dir"), Map.of()).build());
        assertEquals(dir.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", ""),
                p.name());
        assertEquals("\"nginx:from-parent\"", ProjectFixture.json(p, "services", "simple", "image"));
        assertEquals("[{\"mode\":\"ingress\",\"target\":80,\"published\":\"8000\",\"protocol\":\"tcp\"}]",
                ProjectFixture.json(p, "services", "simple", "ports"));
    }

    @Test
    void whenSeveralDefaultNamesExist_thenComposeYamlWinsAndAWarningSaysSo() {
        Project p = fx().file("compose.yaml", SIMPLE)
                .file("docker-compose.yml", "services:\n  other:\n    image: nginx\n")
                .load(b -> b);
        assertEquals("{\"simple\"", ProjectFixture.json(p, "services").substring(0, 9));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("Found multiple config files with supported names")),
                () -> p.warnings().toString());
    }

    @Test
    void whenDotEnvSetsComposeFileAndProjectName_thenTheyAreUsed() {
        Project p = fx().file(".env", "COMPOSE_FILE=compose-with-env-file.yaml\n"
                        + "COMPOSE_PROJECT_NAME=my_project_from_dot_env\nPORT=8000\n")
                .file("compose-with-env-file.yaml", "services:\n  simple:\n    image: nginx\n    ports: ['${PORT}:80']\n")
                .load(b -> b);
        assertEquals("my_project_from_dot_env", p.name());
        assertEquals("\"8000\"", ProjectFixture.json(p, "services", "simple", "ports").replaceAll(".*published\":", "")
                .replaceAll(",.*", ""));
    }

    @Test
    void whenDotEnvPointsComposeFileElsewhere_thenThatDirectorysDotEnvIsReadToo_withoutOverriding() {
        Project p = fx().file(".env", "COMPOSE_FILE=app/compose.yaml:app/override.yaml\nA=root\n")
                .file("app/.env", "B=app\nA=app\nCOMPOSE_PROFILES=p\n")
                .file("app/compose.yaml", "services:\n  s: {image: 'x:${A}-${B}'}\n  q: {image: q, profiles: [p]}\n")
                .file("app/override.yaml", "services:\n  s: {labels: [l=1]}\n")
                .load(b -> b);
        assertEquals("app", p.name());
        assertEquals(List.of("q", "s"), List.copyOf(p.services().keySet()));
        assertEquals("\"x:root-app\"", ProjectFixture.json(p, "services", "s", "image"));
        assertEquals("{\"l\":\"1\"}", ProjectFixture.json(p, "services", "s", "labels"));
    }

    @Test
    void whenProjectDirectoryIsGiven_thenItsDotEnvIsUsedAndNotTheWorkingDirectorys() {
        Project p = fx().file(".env", "TAG=cwd\n").file("proj/.env", "TAG=proj\n")
                .file("compose.yaml", "services:\n  s: {image: 'x:${TAG}'}\n")
                .load(b -> b.files(List.of("compose.yaml")).projectDirectory(dir.resolve("proj")));
        assertEquals("\"x:proj\"", ProjectFixture.json(p, "services", "s", "image"));
    }

    @Test
    void whenComposeFileListsSeveralFiles_thenTheyAreSplitOnComposePathSeparator() {
        Project p = fx().env("COMPOSE_FILE", "a.yaml;b.yaml").env("COMPOSE_PATH_SEPARATOR", ";")
                .file("a.yaml", SIMPLE).file("b.yaml", "services:\n  simple:\n    image: haproxy\n")
                .load(b -> b);
        assertEquals("\"haproxy\"", ProjectFixture.json(p, "services", "simple", "image"));
    }

    @Test
    void whenComposeFileNamesAMissingFile_thenErrorSaysNoSuchFile() {
        fx().env("COMPOSE_FILE", "missing.yaml")
                .error(b -> b, "open " + dir.resolve("missing.yaml") + ": no such file or directory");
    }

    // ---- environment ----

    @Test
    void whenDotEnvRefersToAVariable_thenTheProcessEnvironmentWinsOverTheFile() {
        String compose = "services:\n  simple:\n    image: nginx\n    labels: {foo: '${FOO}', bar: '${BAR}'}\n";
        Project fromFile = fx().file(".env", "FOO=foo\nBAR=${FOO}\n").file("compose.yaml", compose)
                .load("compose.yaml");
        assertEquals("{\"bar\":\"foo\",\"foo\":\"foo\"}", ProjectFixture.json(fromFile, "services", "simple", "labels"));
        Project fromEnv = fx().env("FOO", "zot").load("compose.yaml");
        assertEquals("{\"bar\":\"zot\",\"foo\":\"zot\"}", ProjectFixture.json(fromEnv, "services", "simple", "labels"));
    }

    @Test
    void whenSeveralEnvFilesAreGiven_thenTheLaterOverridesAndSeesTheEarlier() {
        Project p = fx().file("base.env", "PORT=8000\nHOST=h\n").file("override.env", "PORT=9000\nURL=${HOST}:x\n")
                .file(".env", "PORT=1\n")
                .file("compose.yaml", "services:\n  simple:\n    image: 'nginx:${PORT}-${URL}'\n")
                .load(b -> b.files(List.of("compose.yaml")).envFiles(List.of("base.env", "override.env")));
        assertEquals("\"nginx:9000-h:x\"", ProjectFixture.json(p, "services", "simple", "image"));
    }

    @Test
    void whenComposeEnvFilesIsSet_thenItStandsForEnvFileFlags_butTheFlagsWin() {
        fx().file("a.env", "TAG=a\n").file("b.env", "TAG=b\n").file(".env", "TAG=dotenv\n")
                .file("compose.yaml", "services:\n  simple:\n    image: 'nginx:${TAG}'\n");
        // split like docker compose's strings.FieldsFunc: empty entries are dropped
        Project fromVariable = fx().env("COMPOSE_ENV_FILES", ",a.env,,b.env,").load("compose.yaml");
        assertEquals("\"nginx:b\"", ProjectFixture.json(fromVariable, "services", "simple", "image"));
        Project fromFlag = fx().env("COMPOSE_ENV_FILES", "a.env,b.env")
                .load(b -> b.files(List.of("compose.yaml")).envFiles(List.of("a.env")));
        assertEquals("\"nginx:a\"", ProjectFixture.json(fromFlag, "services", "simple", "image"));
    }

    @Test
    void whenThePwdVariableIsSet_thenItIsKept_andOnlyAMissingOneIsFilledIn() {
        fx().file("compose.yaml", "services:\n  s: {image: 'x:${PWD}'}\n");
        assertEquals("\"x:/custom\"", ProjectFixture.json(fx().env("PWD", "/custom").load("compose.yaml"),
                "services", "s", "image"));
        assertEquals("\"x:" + dir + "\"", ProjectFixture.json(fx().load("compose.yaml"), "services", "s", "image"));
    }

    @Test
    void whenEnvFileStartsWithTilde_thenItIsUnderHome() {
        Project p = fx().env("HOME", dir.resolve("home").toString()).file("home/my.env", "TAG=home\n")
                .file("compose.yaml", "services:\n  s: {image: 'x:${TAG}'}\n")
                .load(b -> b.files(List.of("compose.yaml")).envFiles(List.of("~/my.env")));
        assertEquals("\"x:home\"", ProjectFixture.json(p, "services", "s", "image"));
    }

    @Test
    void whenEnvFileIsMissing_thenErrorSaysItCouldNotBeFound() {
        fx().file("compose.yaml", SIMPLE).error(b -> b.files(List.of("compose.yaml")).envFiles(List.of("nope.env")),
                "couldn't find env file: " + dir.resolve("nope.env"));
    }

    @Test
    void whenComposeDisableEnvFileIsSet_thenDotEnvIsIgnored() {
        Project p = fx().env("COMPOSE_DISABLE_ENV_FILE", "true").file(".env", "TAG=from-dotenv\n")
                .file("compose.yaml", "services:\n  simple:\n    image: 'nginx:${TAG:-default}'\n")
                .load("compose.yaml");
        assertEquals("\"nginx:default\"", ProjectFixture.json(p, "services", "simple", "image"));
    }

    @Test
    void whenDotEnvItselfSetsComposeDisableEnvFile_thenOnlyItsComposeVariablesApply() {
        // docker compose exports the env file's COMPOSE_* variables before loading, then honours the switch
        Project p = fx().file(".env", "COMPOSE_DISABLE_ENV_FILE=true\nCOMPOSE_PROJECT_NAME=fromdotenv\nTAG=dotenv\n")
                .file("compose.yaml", "services:\n  simple:\n    image: 'nginx:${TAG:-none}'\n")
                .load("compose.yaml");
        assertEquals("fromdotenv", p.name());
        assertEquals("\"nginx:none\"", ProjectFixture.json(p, "services", "simple", "image"));
    }

    @Test
    void whenDotEnvSetsComposeProfiles_thenThoseProfilesAreActive() {
        Project p = fx().file(".env", "COMPOSE_PROFILES=debug, tools\n")
                .file("compose.yaml", """
                        services:
                          app: {image: app}
                          debugger: {image: dbg, profiles: [debug]}
                          toolbox: {image: tb, profiles: [tools]}
                          other: {image: o, profiles: [other]}
                        """)
                .load("compose.yaml");
        assertEquals(List.of("app", "debugger", "toolbox"), List.copyOf(p.services().keySet()));
    }

    @Test
    void whenServiceHasEnvFiles_thenTheyAreMergedUnderItsEnvironmentAndEnvFileIsNotPrinted() {
        Project p = fx().file("simple-env", "DEFAULT_PORT=8080\nA=1\n").file("second-env", "DEFAULT_PORT=9090\nB=${A}2\n")
                .file("compose.yaml", """
                        services:
                          simple:
                            image: nginx
                            env_file: [./simple-env, ./second-env]
                            environment: [A=own]
                        """)
                .load("compose.yaml");
        // the later file wins, a file sees what earlier files set, the service's own environment wins over files;
        // in second-env, ${A} is looked up in the service's environment first
        assertEquals("{\"A\":\"own\",\"B\":\"own2\",\"DEFAULT_PORT\":\"9090\"}", ProjectFixture.json(p, "services",
                "simple", "environment"));
        assertEquals("absent", ProjectFixture.json(p, "services", "simple", "env_file"));
    }
}
