package io.berth.agent.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases ported from distribution/reference's normalize_test.go and reference_test.go (the tables are theirs,
 * the expectations adapted to a parse that always normalizes, as ParseNormalizedNamed + TagNameOnly do).
 */
class ImageReferenceTest {
    private static final String FFF = "sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    private static final String DBCC = "sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";

    @ParameterizedTest
    @ValueSource(strings = {
        "docker/docker", "library/debian", "debian", "localhost/library/debian", "localhost/debian",
        "LOCALDOMAIN/library/debian", "LOCALDOMAIN/debian", "docker.io/docker/docker", "docker.io/library/debian",
        "docker.io/debian", "index.docker.io/docker/docker", "index.docker.io/library/debian", "index.docker.io/debian",
        "127.0.0.1:5000/docker/docker", "127.0.0.1:5000/library/debian", "127.0.0.1:5000/debian", "192.168.0.1",
        "192.168.0.1:80", "192.168.0.1:8/debian", "192.168.0.2:25000/debian",
        "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev", "[fc00::1]:5000/docker",
        "[fc00::1]:5000/docker/docker", "[fc00:1:2:3:4:5:6:7]:5000/library/debian",
        "docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "Docker/docker", "DOCKER/docker",
        // TestValidateRemoteName
        "docker-rules/docker", "docker---rules/docker", "doc/docker", "d/docker", "jess/t", "dock__er/docker"})
    void validNamesParse(String name) {
        ImageReference.parse(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://github.com/docker/docker", "docker/Docker", "-docker", "-docker/docker", "-docker.io/docker/docker",
        "docker///docker", "docker.io/docker/Docker", "docker.io/docker///docker", "[fc00::1]", "[fc00::1]:5000",
        "fc00::1:5000/debian", "[fe80::1%eth0]:5000/debian", "[2001:db8:3:4::192.0.2.33]:5000/debian",
        "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
        // TestValidateRemoteName
        "docker-/docker", "-docker-/docker", "____/____", "_docker/_docker", "dock..er/docker", "dock_.er/docker",
        "dock-.er/docker", "docker/", "", ":justtag", "@" + FFF, "aa/asdf$$^/aa",
        "[2001:db8::1]", "[2001:db8::1]:5000", "[2001:db8::1]:tag", "[fe80::1%@invalidzone]:5000/repo",
        "this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_"
            + "lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_"
            + "a_valid_namespace_because_its_lenth_is_greater_than_255/docker"})
    void invalidNamesAreRejectedAsInvalidArgument(String name) {
        BerthException e = assertThrows(BerthException.class, () -> ImageReference.parse(name));
        assertEquals(ErrorCategory.INVALID_ARGUMENT, e.category());
    }

    /** TestParseRepositoryInfo: path, familiar name, full name, ambiguous spelling, domain. */
    static Stream<Arguments> repositoryInfo() {
        return Stream.of(
            Arguments.of("fooo", "localhost/fooo", "localhost/fooo", "localhost/fooo", "localhost"),
            Arguments.of("fooo/bar", "localhost/fooo/bar", "localhost/fooo/bar", "localhost/fooo/bar", "localhost"),
            Arguments.of("fooo", "LOCALDOMAIN/fooo", "LOCALDOMAIN/fooo", "LOCALDOMAIN/fooo", "LOCALDOMAIN"),
            Arguments.of("fooo/bar", "LOCALDOMAIN/fooo/bar", "LOCALDOMAIN/fooo/bar", "LOCALDOMAIN/fooo/bar", "LOCALDOMAIN"),
            Arguments.of("fooo/bar", "fooo/bar", "docker.io/fooo/bar", "index.docker.io/fooo/bar", "docker.io"),
            Arguments.of("library/ubuntu", "ubuntu", "docker.io/library/ubuntu", "library/ubuntu", "docker.io"),
            Arguments.of("nonlibrary/ubuntu", "nonlibrary/ubuntu", "docker.io/nonlibrary/ubuntu", "", "docker.io"),
            Arguments.of("other/library", "other/library", "docker.io/other/library", "", "docker.io"),
            Arguments.of("private/moonbase", "127.0.0.1:8000/private/moonbase", "127.0.0.1:8000/private/moonbase", "",
                "127.0.0.1:8000"),
            Arguments.of("privatebase", "127.0.0.1:8000/privatebase", "127.0.0.1:8000/privatebase", "", "127.0.0.1:8000"),
            Arguments.of("private/moonbase", "example.com/private/moonbase", "example.com/private/moonbase", "",
                "example.com"),
            Arguments.of("privatebase", "example.com/privatebase", "example.com/privatebase", "", "example.com"),
            Arguments.of("private/moonbase", "example.com:8000/private/moonbase", "example.com:8000/private/moonbase", "",
                "example.com:8000"),
            Arguments.of("privatebasee", "example.com:8000/privatebasee", "example.com:8000/privatebasee", "",
                "example.com:8000"),
            Arguments.of("library/ubuntu-12.04-base", "ubuntu-12.04-base", "docker.io/library/ubuntu-12.04-base",
                "index.docker.io/library/ubuntu-12.04-base", "docker.io"),
            Arguments.of("library/foo", "foo", "docker.io/library/foo", "docker.io/foo", "docker.io"),
            Arguments.of("library/foo/bar", "library/foo/bar", "docker.io/library/foo/bar", "", "docker.io"),
            Arguments.of("store/foo/bar", "store/foo/bar", "docker.io/store/foo/bar", "", "docker.io"),
            Arguments.of("bar", "Foo/bar", "Foo/bar", "", "Foo"),
            Arguments.of("bar", "FOO/bar", "FOO/bar", "", "FOO"));
    }

    @ParameterizedTest
    @MethodSource("repositoryInfo")
    void repositoryInfoMatchesDocker(String path, String familiar, String full, String ambiguous, String domain) {
        for (String input : ambiguous.isEmpty() ? new String[] {familiar, full} : new String[] {familiar, full, ambiguous}) {
            ImageReference ref = ImageReference.parse(input);
            assertEquals(familiar, ref.familiarName(), input);
            assertEquals(full, ref.name(), input);
            assertEquals(domain, ref.registry(), input);
            assertEquals(path, ref.repository(), input);
            assertEquals(full + ":latest", ref.normalized(), input);
            assertEquals(familiar + ":latest", ref.familiar(), input);
        }
    }

    /** TestReferenceParse, adapted: input → normalized form, or the error Docker prints. */
    static Stream<Arguments> referenceParse() {
        return Stream.of(
            Arguments.of("test_com", "docker.io/library/test_com:latest"),
            Arguments.of("test.com:tag", "docker.io/library/test.com:tag"),
            Arguments.of("test.com:5000", "docker.io/library/test.com:5000"),
            Arguments.of("test.com/repo:tag", "test.com/repo:tag"),
            Arguments.of("test:5000/repo", "test:5000/repo:latest"),
            Arguments.of("test:5000/repo:tag", "test:5000/repo:tag"),
            Arguments.of("test:5000/repo@" + FFF, "test:5000/repo@" + FFF),
            Arguments.of("test:5000/repo:tag@" + FFF, "test:5000/repo:tag@" + FFF),
            Arguments.of("", "invalid reference format"),
            Arguments.of(":justtag", "invalid reference format"),
            Arguments.of("@" + FFF, "invalid reference format"),
            Arguments.of("repo@sha256:" + "f".repeat(34), "invalid checksum digest length"),
            Arguments.of("validname@invaliddigest:" + "f".repeat(64), "unsupported digest algorithm"),
            Arguments.of("validname@sha512:" + "f".repeat(128), "unsupported digest algorithm"),
            Arguments.of("Uppercase:tag", "invalid reference format: repository name (library/Uppercase) must be lowercase"),
            Arguments.of("Uppercase/lowercase:tag", "Uppercase/lowercase:tag"),
            Arguments.of("test:5000/Uppercase/lowercase:tag",
                "invalid reference format: repository name (Uppercase/lowercase) must be lowercase"),
            Arguments.of("lowercase:Uppercase", "docker.io/library/lowercase:Uppercase"),
            Arguments.of("domain/" + "a".repeat(256) + ":tag", "repository name must not be more than 255 characters"),
            Arguments.of("a/".repeat(127) + "a:tag-puts-this-over-max", "docker.io/" + "a/".repeat(127) + "a:tag-puts-this-over-max"),
            Arguments.of("aa/asdf$$^/aa", "invalid reference format"),
            Arguments.of("sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com/bar/baz/quux:latest"),
            Arguments.of("sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com/bar/baz/quux:some-long-tag"),
            Arguments.of("b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io/test.example.com/my-app:test.example.com"),
            Arguments.of("xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com/myimage:xn--n3h.com"),
            Arguments.of("xn--7o8h.com/myimage:xn--7o8h.com@" + FFF, "xn--7o8h.com/myimage:xn--7o8h.com@" + FFF),
            Arguments.of("foo_bar.com:8080", "docker.io/library/foo_bar.com:8080"),
            Arguments.of("foo/foo_bar.com:8080", "docker.io/foo/foo_bar.com:8080"),
            Arguments.of("192.168.1.1", "docker.io/library/192.168.1.1:latest"),
            Arguments.of("192.168.1.1:tag", "docker.io/library/192.168.1.1:tag"),
            Arguments.of("192.168.1.1:5000", "docker.io/library/192.168.1.1:5000"),
            Arguments.of("192.168.1.1/repo", "192.168.1.1/repo:latest"),
            Arguments.of("192.168.1.1:5000/repo", "192.168.1.1:5000/repo:latest"),
            Arguments.of("192.168.1.1:5000/repo:5050", "192.168.1.1:5000/repo:5050"),
            Arguments.of("[2001:db8::1]/repo", "[2001:db8::1]/repo:latest"),
            Arguments.of("[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]/repo:tag"),
            Arguments.of("[2001:db8::1]:5000/repo", "[2001:db8::1]:5000/repo:latest"),
            Arguments.of("[2001:db8::1]:5000/repo:tag", "[2001:db8::1]:5000/repo:tag"),
            Arguments.of("[2001:db8::1]:5000/repo@" + FFF, "[2001:db8::1]:5000/repo@" + FFF),
            Arguments.of("[2001:db8::1]:5000/repo:tag@" + FFF, "[2001:db8::1]:5000/repo:tag@" + FFF),
            Arguments.of("[2001:db8::]:5000/repo", "[2001:db8::]:5000/repo:latest"),
            Arguments.of("[::1]:5000/repo", "[::1]:5000/repo:latest"),
            Arguments.of("[fe80::1%eth0]:5000/repo", "invalid reference format"),
            Arguments.of("example.com/" + "a".repeat(255) + ":tag", "example.com/" + "a".repeat(255) + ":tag"),
            Arguments.of("Busybox", "invalid reference format: repository name (library/Busybox) must be lowercase"),
            Arguments.of(DBCC.substring(7), "invalid repository name (" + DBCC.substring(7)
                + "), cannot specify 64-byte hexadecimal strings"));
    }

    @ParameterizedTest
    @MethodSource("referenceParse")
    void parsesOrFailsAsDocker(String input, String expected) {
        if (expected.contains("/") && !expected.startsWith("invalid") && !expected.startsWith("repository")) {
            assertEquals(expected, ImageReference.parse(input).normalized());
        } else {
            BerthException e = assertThrows(BerthException.class, () -> ImageReference.parse(input));
            assertEquals(expected, e.getMessage());
            assertEquals(ErrorCategory.INVALID_ARGUMENT, e.category());
            assertEquals(input, e.object());
        }
    }

    /** TestNormalizedSplitHostname. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "test.com/foo, test.com, foo", "test_com/foo, docker.io, test_com/foo", "docker/migrator, docker.io, docker/migrator",
        "test.com:8080/foo, test.com:8080, foo", "test-com:8080/foo, test-com:8080, foo", "foo, docker.io, library/foo",
        "xn--n3h.com/foo, xn--n3h.com, foo", "xn--n3h.com:18080/foo, xn--n3h.com:18080, foo",
        "docker.io/foo, docker.io, library/foo", "docker.io/library/foo, docker.io, library/foo",
        "docker.io/library/foo/bar, docker.io, library/foo/bar"})
    void splitsHostnameAsDocker(String input, String domain, String path) {
        ImageReference ref = ImageReference.parse(input);
        assertEquals(domain, ref.registry());
        assertEquals(path, ref.repository());
    }

    /** TestParseAnyReference (named cases) and TestParseDockerRef. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "redis, docker.io/library/redis:latest", "redis:latest, docker.io/library/redis:latest",
        "docker.io/library/redis:latest, docker.io/library/redis:latest",
        "redis@" + DBCC + ", docker.io/library/redis@" + DBCC,
        "dmcgowan/myapp, docker.io/dmcgowan/myapp:latest", "dmcgowan/myapp@" + DBCC + ", docker.io/dmcgowan/myapp@" + DBCC,
        "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9, "
            + "docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9:latest",
        "dbcc1, docker.io/library/dbcc1:latest", "library/busybox, docker.io/library/busybox:latest",
        "docker.io/busybox, docker.io/library/busybox:latest", "docker.io/busybox:latest, docker.io/library/busybox:latest",
        "gcr.io/library/busybox, gcr.io/library/busybox:latest"})
    void normalizesAsDocker(String input, String expected) {
        assertEquals(expected, ImageReference.parse(input).normalized());
    }

    @Test
    void tagAndDigestAreBothKept_andTheDigestIsWhatIsPulled() {
        String shortRef = "busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
        ImageReference ref = ImageReference.parse(shortRef);
        assertEquals("docker.io/library/" + shortRef, ref.normalized());
        assertEquals(shortRef, ref.familiar());
        assertEquals(Optional.of("latest"), ref.tag());
        assertEquals("sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa", ref.manifestReference());
        ImageReference gcr = ImageReference.parse("gcr.io/library/busybox:latest@" + DBCC);
        assertEquals("gcr.io/library/busybox@" + DBCC, gcr.digestOnly(gcr.digest().orElseThrow()).normalized());
    }

    @Test
    void defaultTagOnlyWithoutDigest() {
        assertEquals(Optional.empty(), ImageReference.parse("busybox@" + DBCC).tag());
        assertEquals(Optional.of("latest"), ImageReference.parse("busybox").tag());
        assertEquals("latest", ImageReference.parse("busybox").manifestReference());
    }

    @Test
    void invalidComponentsAreRefused() {
        ImageReference ref = ImageReference.parse("busybox");
        BerthException e = assertThrows(BerthException.class, () -> ref.withTag("-foo"));
        assertEquals("invalid tag format", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ref.withDigest(Digest.parse("foo")));
    }

    @Test
    void withTagAndWithDigestKeepTheOther() {
        Digest d = Digest.parse(DBCC);
        ImageReference ref = ImageReference.parse("127.0.0.1:5000/x/y:v1").withDigest(d);
        assertEquals("127.0.0.1:5000/x/y:v1@" + DBCC, ref.normalized());
        assertEquals("127.0.0.1:5000/x/y:v2@" + DBCC, ref.withTag("v2").normalized());
        assertEquals("127.0.0.1:5000/x/y:v3", ref.tagOnly("v3").normalized());
        assertEquals(ImageReference.parse("127.0.0.1:5000/x/y:v2@" + DBCC), ref.withTag("v2"));
    }

    @Test
    void dockerHubIsServedByRegistry1() {
        assertEquals("registry-1.docker.io", ImageReference.parse("busybox").registryHost());
        assertEquals("docker.io", ImageReference.parse("index.docker.io/library/busybox").registry());
        assertEquals("localhost:5000", ImageReference.parse("localhost:5000/a").registryHost());
        assertEquals("localhost", ImageReference.parse("localhost/a").registryHost());
        assertTrue(ImageReference.parse("busybox").toString().startsWith("docker.io/library/busybox"));
    }
}
