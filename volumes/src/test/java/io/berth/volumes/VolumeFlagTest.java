package io.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code -v} against the cases of moby's linux_parser_test.go (TestLinuxParseMountRaw and ...RawSplit). */
class VolumeFlagTest {
    private final MountSpecParser parser = new MountSpecParser();

    @ParameterizedTest
    @ValueSource(strings = {"/home", "/home:/home", "/home:/something/else", "/with space", "/home:/with space",
        "relative:/absolute-path", "hostPath:/containerPath:ro", "/hostPath:/containerPath:rw", "/rw:/ro",
        "/hostPath:/containerPath:shared", "/hostPath:/containerPath:rshared", "/hostPath:/containerPath:slave",
        "/hostPath:/containerPath:rslave", "/hostPath:/containerPath:private", "/hostPath:/containerPath:rprivate",
        "/hostPath:/containerPath:ro,shared", "/hostPath:/containerPath:ro,slave",
        "/hostPath:/containerPath:ro,private", "/hostPath:/containerPath:ro,z,shared",
        "/hostPath:/containerPath:ro,Z,slave", "/hostPath:/containerPath:Z,ro,slave",
        "/hostPath:/containerPath:slave,Z,ro", "/hostPath:/containerPath:Z,slave,ro",
        "/hostPath:/containerPath:slave,ro,Z", "/hostPath:/containerPath:rslave,ro,Z",
        "/hostPath:/containerPath:ro,rshared,Z", "/hostPath:/containerPath:ro,Z,rprivate",
        "name:/data:nocopy", "name:/data:ro,nocopy", "/src:/dst:cached", "/src:/dst:delegated,ro"})
    void whenDockerAcceptsASpec_thenItParses(String spec) {
        parser.parseVolume(spec);
    }

    static Object[][] invalid() {
        return new Object[][] {
            {"", "invalid volume specification"},
            {"./", "mount path must be absolute"},
            {"../", "mount path must be absolute"},
            {"/:../", "mount path must be absolute"},
            {"/:path", "mount path must be absolute"},
            {":", "invalid volume specification"},
            {"/tmp:", "invalid volume specification"},
            {":test", "invalid volume specification"},
            {":/test", "invalid volume specification"},
            {"tmp:", "invalid volume specification"},
            {":test:", "invalid volume specification"},
            {"::", "invalid volume specification"},
            {":::", "invalid volume specification"},
            {"/tmp:::", "invalid volume specification"},
            {":/tmp::", "invalid volume specification"},
            {"/path:rw", "invalid volume specification"},
            {"/path:ro", "invalid volume specification"},
            {"/rw:rw", "invalid volume specification"},
            {"path:ro", "invalid volume specification"},
            {"/path:/path:sw", "invalid mode"},
            {"/path:/path:rwz", "invalid mode"},
            {"/path:/path:ro,rshared,rslave", "invalid mode"},
            {"/path:/path:ro,z,rshared,rslave", "invalid mode"},
            {"/path:shared", "invalid volume specification"},
            {"/path:slave", "invalid volume specification"},
            {"/path:private", "invalid volume specification"},
            {"name:/absolute-path:shared", "invalid volume specification"},
            {"name:/absolute-path:rshared", "invalid volume specification"},
            {"name:/absolute-path:slave", "invalid volume specification"},
            {"name:/absolute-path:rslave", "invalid volume specification"},
            {"name:/absolute-path:private", "invalid volume specification"},
            {"name:/absolute-path:rprivate", "invalid volume specification"},
            {"/src:/", "destination can't be '/'"},
            {"/src:/dst:ro,ro", "invalid mode"},
            {"/src:/dst:nocopy", "field VolumeOptions must not be specified"},
        };
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void whenDockerRefusesASpec_thenTheMessageSaysWhy(String spec, String expected) {
        BerthException e = assertThrows(BerthException.class, () -> parser.parseVolume(spec));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(ErrorCategory.INVALID_ARGUMENT, e.category());
    }

    @Test
    void bindIsReadWriteRecursiveRprivateAndCreatedWhenMissing() {
        BindMount b = assertInstanceOf(BindMount.class, parser.parseVolume("/tmp:/tmp1"));
        assertEquals(new BindMount("/tmp", "/tmp1", false, Propagation.RPRIVATE, BindMount.Recursion.ENABLED, true),
                b);
    }

    @Test
    void bindModeRoAndPropagationAreKept() {
        BindMount b = assertInstanceOf(BindMount.class, parser.parseVolume("/tmp//x/:/tmp2/./y/:ro,rslave,Z"));
        assertTrue(b.readOnly());
        assertEquals(Propagation.RSLAVE, b.propagation());
        assertEquals("/tmp/x", b.source());
        assertEquals("/tmp2/y", b.target());
    }

    @Test
    void namedVolumeCarriesNameModeAndNocopy() {
        VolumeMount v = assertInstanceOf(VolumeMount.class, parser.parseVolume("name:/named3:ro,nocopy"));
        assertEquals("name", v.name());
        assertEquals("/named3", v.target());
        assertTrue(v.readOnly());
        assertFalse(v.anonymous());
        assertTrue(v.options().noCopy());
        assertEquals("local", v.options().driver());
    }

    @Test
    void destinationOnlyIsAnAnonymousVolume() {
        VolumeMount v = assertInstanceOf(VolumeMount.class, parser.parseVolume("/data"));
        assertNull(v.name());
        assertTrue(v.anonymous());
        assertFalse(v.readOnly());
    }

    @Test
    void bindTargetNotAbsolute_isDockersFullMessage() {
        BerthException e = assertThrows(BerthException.class, () -> parser.parseVolume("/tmp:tmp"));
        assertEquals("invalid volume specification: '/tmp:tmp': invalid mount config for type \"bind\": "
                + "invalid mount path: 'tmp' mount path must be absolute", e.getMessage());
    }

    @Test
    void invalidModeMessageIsDockers() {
        BerthException e = assertThrows(BerthException.class, () -> parser.parseVolume("/tmp:/tmp4:foo"));
        assertEquals("invalid mode: foo", e.getMessage());
    }

    @Test
    void relativeHostPathIsRefusedWithDockersVolumeNameMessage() {
        BerthException e = assertThrows(BerthException.class, () -> parser.parseVolume("foo/bar:/data"));
        assertEquals("create foo/bar: \"foo/bar\" includes invalid characters for a local volume name, only "
                + "\"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use "
                + "absolute path", e.getMessage());
        BerthException dot = assertThrows(BerthException.class, () -> parser.parseVolume("./foo:/data"));
        assertTrue(dot.getMessage().contains("includes invalid characters"), dot.getMessage());
    }

    @Test
    void oneCharacterNameIsTooShort() {
        BerthException e = assertThrows(BerthException.class, () -> parser.parseVolume("a:/data"));
        assertEquals("create a: volume name is too short, names should be at least two alphanumeric characters",
                e.getMessage());
    }

    @Test
    void withAWorkingDirectory_dotPathsBecomeBinds() {
        MountSpecParser p = new MountSpecParser(Path.of("/home/me/project"));
        BindMount b = assertInstanceOf(BindMount.class, p.parseVolume("./data:/data:ro"));
        assertEquals("/home/me/project/data", b.source());
        BindMount up = assertInstanceOf(BindMount.class, p.parseVolume("..:/up"));
        assertEquals("/home/me", up.source());
    }

    @Test
    void duplicateMountPointIsRefused() {
        BerthException e = assertThrows(BerthException.class, () -> parser.parseAll(
                java.util.List.of("a1:/data", "/src:/other"), java.util.List.of("type=volume,target=/data/"),
                java.util.List.of()));
        assertEquals("Duplicate mount point: /data", e.getMessage());
        assertThrows(BerthException.class, () -> parser.parseAll(java.util.List.of("/x"), java.util.List.of(),
                java.util.List.of("/x:size=1m")));
    }

    @Test
    void parseAllKeepsDockersOrder() {
        var all = parser.parseAll(java.util.List.of("v1:/a"), java.util.List.of("type=tmpfs,dst=/b"),
                java.util.List.of("/c"));
        assertEquals(java.util.List.of("/a", "/b", "/c"), all.stream().map(MountRequest::target).toList());
        assertEquals(Map.of(), ((VolumeMount) all.get(0)).options().driverOptions());
    }
}
