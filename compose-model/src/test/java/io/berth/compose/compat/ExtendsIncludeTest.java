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

    @Test
    void whenIncludedServiceIsAlsoDefinedInAnOverrideFile_thenTheOverrideWins() {
        Project p = fx()
                .file("sub/imported.yaml", """
                        services:
                          imported:
                            image: nginx
                            container_name: ${SOURCE:-imported}
                            env_file: [./extra.env]
                        """)
                .file("sub/extra.env", "SOURCE=extends\n")
                .file("compose.yaml", "name: inc\ninclude:\n  - ./sub/imported.yaml\n")
                .file("override.yaml", "services:\n  imported:\n    image: overridden\n")
                .load("compose.yaml", "override.yaml");
        assertEquals("{\"command\":null,\"container_name\":\"imported\",\"entrypoint\":null,"
                + "\"environment\":{\"SOURCE\":\"extends\"},\"image\":\"overridden\",\"networks\":{\"default\":null}}",
                ProjectFixture.service(p, "imported"));
    }

    @Test
    void whenIncludeHasEnvFile_thenItInterpolatesTheIncludedFileButTheProcessEnvironmentWins() {
        fx().file("sub/imported.yaml", "services:\n  imported: {image: nginx, container_name: '${SOURCE:-imported}'}\n")
                .file("sub/extra.env", "SOURCE=extends\n")
                .file("compose.yaml", """
                        name: inc
                        include:
                          - path: ./sub/imported.yaml
                            env_file: ./sub/extra.env
                        services:
                          foo: {image: busybox, depends_on: [imported]}
                        """);
        assertEquals("\"extends\"", ProjectFixture.json(fx().load("compose.yaml"), "services", "imported",
                "container_name"));
        assertEquals("\"override\"", ProjectFixture.json(fx().env("SOURCE", "override").load("compose.yaml"),
                "services", "imported", "container_name"));
    }

    @Test
    void whenTwoIncludesImportTheSameService_thenALocalDefinitionIsMergedOverIt() {
        Project p = fx()
                .file("one.yaml", "services:\n  bar: {image: bar, environment: [FOO=BAR]}\n")
                .file("two.yaml", "services:\n  bar: {image: bar, environment: [FOO=BAR]}\n")
                .file("compose.yaml", """
                        name: inc
                        include: [one.yaml, two.yaml]
                        services:
                          bar:
                            image: busybox
                            environment: !override [ZOT=QIX]
                        """)
                .load("compose.yaml");
        assertEquals("{\"command\":null,\"entrypoint\":null,\"environment\":{\"ZOT\":\"QIX\"},\"image\":\"busybox\","
                + "\"networks\":{\"default\":null}}", ProjectFixture.service(p, "bar"));
    }

    @Test
    void whenIncludeSetsAProjectDirectory_thenRelativePathsAndExtendsFollowIt() {
        Project p = fx()
                .file("compose.yaml", "name: inc\ninclude:\n  - project_directory: .\n    path: dir/included.yaml\n")
                .file("dir/included.yaml", """
                        services:
                          included:
                            extends: {file: dir/extended.yaml, service: extended}
                            volumes: ['./data:/data']
                        """)
                .file("dir/extended.yaml", "services:\n  extended: {image: alpine}\n")
                .load("compose.yaml");
        assertEquals("{\"command\":null,\"entrypoint\":null,\"image\":\"alpine\",\"networks\":{\"default\":null},"
                + "\"volumes\":[{\"type\":\"bind\",\"source\":\"" + dir.resolve("data") + "\",\"target\":\"/data\","
                + "\"bind\":{}}]}", ProjectFixture.service(p, "included"));
    }

    @Test
    void whenAFileIncludesItself_thenErrorListsTheCycle() {
        String self = dir.resolve("compose.yaml").toString();
        fx().file("compose.yaml", "include:\n  - compose.yaml\nname: project\nservices:\n  foo: {image: foo}\n")
                .error(List.of("compose.yaml"), "include cycle detected:\n" + self + "\n include " + self);
    }

    @Test
    void whenIncludedFileIsMissing_thenErrorSaysNoSuchFile() {
        fx().file("compose.yaml", "name: inc\ninclude: [nope.yaml]\n")
                .error(List.of("compose.yaml"), "open " + dir.resolve("nope.yaml") + ": no such file or directory");
    }

    @Test
    void whenALocalServiceExtendsAnIncludedOne_thenIncludesAreAppliedFirst() {
        Project p = fx()
                .file("inc/compose.yaml", "services:\n  base: {image: b, environment: [A=1]}\n")
                .file("compose.yaml", "name: inc\ninclude: [inc/compose.yaml]\nservices:\n"
                        + "  web: {extends: base, environment: [B=2]}\n")
                .load("compose.yaml");
        assertEquals("{\"command\":null,\"entrypoint\":null,\"environment\":{\"A\":\"1\",\"B\":\"2\"},\"image\":\"b\","
                + "\"networks\":{\"default\":null}}", ProjectFixture.service(p, "web"));
    }

    @Test
    void whenAnOverrideFileExtendsAServiceOfTheFirstFile_thenItIsNotFound() {
        fx().file("a.yaml", "name: inc\nservices:\n  base: {image: b}\n")
                .file("b.yaml", "services:\n  web: {extends: base}\n")
                .error(List.of("a.yaml", "b.yaml"), "cannot extend service \"web\" in " + dir.resolve("b.yaml")
                        + ": service \"base\" not found");
    }

    // ---- extends ----

    @Test
    void whenServiceExtendsAnotherInTheSameFile_thenItsOwnValuesWinAndCommandIsReplaced() {
        Project p = fx().file("compose.yaml", """
                name: ext
                services:
                  foo:
                    image: busybox
                    extends: {service: bar}
                    command: "/bin/ash -c \\"rm -rf /tmp/x\\""
                  bar:
                    image: alpine
                    command: "/bin/ash -c \\"echo Oh no\\""
                    environment: [A=1]
                """).load("compose.yaml");
        assertEquals("{\"command\":[\"/bin/ash\",\"-c\",\"rm -rf /tmp/x\"],\"entrypoint\":null,\"environment\":{\"A\":\"1\"},"
                + "\"image\":\"busybox\",\"networks\":{\"default\":null}}", ProjectFixture.service(p, "foo"));
    }

    @Test
    void whenExtendedFileIsElsewhere_thenItsRelativePathsFollowIt_butAContextItOmitsIsOurs() {
        Project p = fx()
                .file("a/compose.yaml", "services:\n  a:\n    build: .\n    volumes: ['./data:/data']\n")
                .file("b/compose.yaml", "services:\n  b:\n    build:\n      target: fake\n")
                .file("compose.yaml", """
                        name: ext
                        services:
                          a: {extends: {file: ./a/compose.yaml, service: a}}
                          b: {extends: {file: ./b/compose.yaml, service: b}}
                        """)
                .load("compose.yaml");
        assertEquals("{\"context\":\"" + dir.resolve("a") + "\",\"dockerfile\":\"Dockerfile\"}",
                ProjectFixture.json(p, "services", "a", "build"));
        assertEquals("[{\"type\":\"bind\",\"source\":\"" + dir.resolve("a/data") + "\",\"target\":\"/data\",\"bind\":{}}]",
                ProjectFixture.json(p, "services", "a", "volumes"));
        // the default context "." is only set once the extending project is loaded, so it is ours
        assertEquals("{\"context\":\"" + dir + "\",\"dockerfile\":\"Dockerfile\",\"target\":\"fake\"}",
                ProjectFixture.json(p, "services", "b", "build"));
    }

    @Test
    void whenExtendedServiceExtendsInItsOwnFile_thenPathsFollowEachFile() {
        Project p = fx()
                .file("sub/compose.yaml", """
                        services:
                          base: {build: {context: ..}}
                          service: {extends: base, build: {target: target}}
                          chained: {extends: {file: deeper/c.yaml, service: c}}
                        """)
                .file("sub/deeper/c.yaml", "services:\n  c: {image: c, volumes: ['./data:/data']}\n")
                .file("compose.yaml", """
                        name: ext
                        services:
                          out-service: {extends: {file: sub/compose.yaml, service: service}}
                          out-chained: {extends: {file: sub/compose.yaml, service: chained}}
                        """)
                .load("compose.yaml");
        assertEquals("{\"context\":\"" + dir + "\",\"dockerfile\":\"Dockerfile\",\"target\":\"target\"}",
                ProjectFixture.json(p, "services", "out-service", "build"));
        assertEquals("\"" + dir.resolve("sub/deeper/data") + "\"", ProjectFixture.json(p, "services", "out-chained",
                "volumes").replaceAll(".*\"source\":", "").replaceAll(",.*", ""));
    }

    @Test
    void whenExtendingServiceResetsOrOverridesAField_thenTheBaseValueIsDropped() {
        Project p = fx().file("compose.yaml", """
                name: ext
                services:
                  a:
                    image: a
                    depends_on: [c]
                    volumes: ['.:/src']
                  b:
                    extends: a
                    depends_on: !override [a]
                    volumes: !reset []
                  c: {image: c}
                """).load("compose.yaml");
        assertEquals("{\"a\":{\"condition\":\"service_started\",\"required\":true}}",
                ProjectFixture.json(p, "services", "b", "depends_on"));
        assertEquals("absent", ProjectFixture.json(p, "services", "b", "volumes"));
    }

    @Test
    void whenBaseFileResetsAFieldOfTheServiceItExtends_thenTheResetApplies() {
        Project p = fx()
                .file("reset.yaml", """
                        services:
                          init: {image: 'alpine:latest', command: sleep infinity}
                          base:
                            extends: {service: init}
                            command: !reset
                        """)
                .file("compose.yaml", "name: ext\nservices:\n  test: {extends: {file: reset.yaml, service: base}}\n")
                .load("compose.yaml");
        assertEquals("null", ProjectFixture.json(p, "services", "test", "command"));
    }

    @Test
    void whenExtendedFileHasVariables_thenTheyAreInterpolatedFromOurEnvironment() {
        Project p = fx().env("SOURCE", "/srv")
                .file("interpolated.yaml", "services:\n  foo: {image: bash, volumes: ['${SOURCE:-/dev/null}:/tmp/foo:ro']}\n")
                .file("compose.yaml", "name: ext\nservices:\n  test: {extends: {file: interpolated.yaml, service: foo}}\n")
                .load("compose.yaml");
        assertEquals("[{\"type\":\"bind\",\"source\":\"/srv\",\"target\":\"/tmp/foo\",\"read_only\":true,\"bind\":{}}]",
                ProjectFixture.json(p, "services", "test", "volumes"));
    }

    @Test
    void whenExtendedServiceDependsOnAServiceWeDoNotHave_thenTheProjectIsInconsistent() {
        fx().file("depends_on.yaml", "services:\n  with_ipc: {image: foo, ipc: 'service:zot'}\n  zot: {image: z}\n")
                .file("compose.yaml", "name: ext\nservices:\n  bar: {extends: {file: depends_on.yaml, service: with_ipc}}\n")
                .error(List.of("compose.yaml"), "service \"bar\" depends on undefined service \"zot\"");
    }

    @Test
    void whenExtendsCyclesAcrossFiles_thenErrorListsTheChainWithTheFilesAsWritten() {
        fx().file("compose.yaml", "services:\n  a: {extends: {file: other.yaml, service: b}}\n")
                .file("other.yaml", "services:\n  b: {extends: {file: compose.yaml, service: a}}\n")
                .error(List.of("compose.yaml", "other.yaml"),
                        "Circular reference:\n  a in other.yaml\n  extends b in compose.yaml\n  extends a in other.yaml");
    }

    @Test
    void whenExtendsNamesNoService_thenErrorSaysServiceIsRequired() {
        fx().file("base.yaml", "services:\n  base: {image: b}\n")
                .file("compose.yaml", "name: ext\nservices:\n  test: {image: t, extends: {file: base.yaml}}\n")
                .error(List.of("compose.yaml"), "extends.test.service is required");
    }

    @Test
    void whenExtendedServiceIsMissing_thenErrorNamesItAndTheFile() {
        fx().file("base.yaml", "services:\n  base: {image: b}\n")
                .file("compose.yaml", "name: ext\nservices:\n  test: {extends: {file: base.yaml, service: nope}}\n")
                .error(List.of("compose.yaml"), "cannot extend service \"test\" in " + dir.resolve("compose.yaml")
                        + ": service \"nope\" not found in base.yaml");
        fx().file("c2.yaml", "name: ext\nservices:\n  test: {extends: nope}\n")
                .error(List.of("c2.yaml"), "cannot extend service \"test\" in " + dir.resolve("c2.yaml")
                        + ": service \"nope\" not found");
    }

    @Test
    void whenExtendsIsNeitherANameNorAMapping_thenNoServiceIsFound() {
        fx().file("compose.yaml", "name: ext\nservices:\n  w: {image: x, extends: 123}\n")
                .error(List.of("compose.yaml"), "cannot extend service \"w\" in " + dir.resolve("compose.yaml")
                        + ": service \"\" not found");
    }

    @Test
    void whenExtendedFileIsADirectory_thenErrorSaysSo() {
        fx().file("compose.yaml", "name: ext\nservices:\n  w: {image: x, extends: {file: ., service: w}}\n")
                .error(List.of("compose.yaml"), "read " + dir + ": is a directory");
    }

    @Test
    void whenServiceExtendsItself_thenItIsACycle() {
        String file = dir.resolve("compose.yaml").toString();
        fx().file("compose.yaml", "name: ext\nservices:\n  w: {image: x, extends: w}\n")
                .error(List.of("compose.yaml"), "Circular reference:\n  w in " + file + "\n  extends w in " + file);
    }

    @Test
    void whenExtendedFileIsMissing_thenErrorSaysNoSuchFile() {
        fx().file("compose.yaml", "name: ext\nservices:\n  test: {extends: {file: nope.yaml, service: x}}\n")
                .error(List.of("compose.yaml"), "open " + dir.resolve("nope.yaml") + ": no such file or directory");
    }
}
