package io.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --mount} against the cases of docker/cli's opts/mount_test.go and moby's validation. */
class MountFlagTest {
    @TempDir
    static Path existing;

    private final MountSpecParser parser = new MountSpecParser();

    private static String src() {
        return existing.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"type=bind,src=%s,dst=/target", "type=bind,source=%s,target=/target",
        "type=bind,source=%s,destination=/target", "TYPE=BIND,Source=%s,Target=/target"})
    void sourceAndTargetAliasesMeanTheSame(String format) {
        BindMount b = assertInstanceOf(BindMount.class, parser.parseMount(format.formatted(src())));
        assertEquals(new BindMount(src(), "/target", false, Propagation.RPRIVATE, BindMount.Recursion.ENABLED,
                false), b);
    }

    @Test
    void typeDefaultsToVolume() {
        VolumeMount v = assertInstanceOf(VolumeMount.class, parser.parseMount("target=/target,source=foo"));
        assertEquals("foo", v.name());
    }

    static Object[][] errors() {
        return new Object[][] {
            {"", "value is empty"},
            {"type=volume,target=/foo,bogus=foo", "unknown option 'bogus' in 'bogus=foo'"},
            {"type=volume, src=/foo,target=/foo", "invalid option 'src' in ' src=/foo': option should not have whitespace"},
            {"type=volume,src =/foo,target=/foo", "invalid option 'src' in 'src =/foo': option should not have whitespace"},
            {"type=volume,src=,target=/foo", "invalid value for 'src': value is empty"},
            {"type=volume,src= /foo,target=/foo", "invalid value for 'src' in 'src= /foo': value should not have whitespace"},
            {"type=volume,src=/foo ,target=/foo", "invalid value for 'src' in 'src=/foo ': value should not have whitespace"},
            {"type=volume,target=/foo,bogus", "invalid field 'bogus' must be a key=value pair"},
            {"type=tmpfs,target=/foo,tmpfs-size=foo", "invalid value for tmpfs-size: foo"},
            {"type=tmpfs,target=/foo,tmpfs-mode=foo", "invalid value for tmpfs-mode: foo"},
            {"type=volume,target=/foo,source=/foo,bind-propagation=rprivate", "cannot mix 'bind-*' options with mount type 'volume'"},
            {"type=bind,target=/foo,source=/foo,volume-nocopy=true", "cannot mix 'volume-*' options with mount type 'bind'"},
            {"type=volume,target=/foo,tmpfs-size=1m", "cannot mix 'tmpfs-*' options with mount type 'volume'"},
            {"type=bind,target=/foo,readonly=no", "invalid value for 'readonly': invalid boolean value (\"no\"): must be one of \"true\", \"1\", \"false\", or \"0\" (default \"true\")"},
            {"type=bind,target=/foo,readonly=", "invalid value for 'readonly': value is empty"},
            {"type=bind,source=/foo,target=/bar,bind-recursive=writable", "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction"},
            {"type=bind,source=/foo,target=/bar,bind-recursive=readonly", "option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction"},
            {"type=bind,source=/foo,target=/bar,bind-recursive=readonly,readonly", "option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction"},
            {"type=bind,source=/foo,target=/bar,bind-recursive=sometimes", "invalid value for bind-recursive: sometimes"},
            {"type=volume,\"target=/fo\"o", "extraneous or missing \" in quoted-field"},
            {"type=volume,target=/f\"oo", "bare \" in non-quoted-field"},
        };
    }

    @ParameterizedTest
    @MethodSource("errors")
    void clientSideErrorsNameTheField(String value, String expected) {
        BerthException e = assertThrows(BerthException.class, () -> parser.parseMount(value));
        assertEquals(ErrorCategory.INVALID_ARGUMENT, e.category());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid argument \"" + value + "\" for \"--mount\" flag: "),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "type=bind,target=/foo|invalid mount config for type \"bind\": field Source must not be empty",
        "type=bind,source=relative,target=/foo|invalid mount config for type \"bind\": invalid mount path: 'relative' mount path must be absolute",
        "type=volume,source=foo|invalid mount config for type \"volume\": field Target must not be empty",
        "type=volume,source=foo,target=/|invalid mount config for type \"volume\": invalid specification: destination can't be '/'",
        "type=volume,source=foo,target=rel|invalid mount config for type \"volume\": invalid mount path: 'rel' mount path must be absolute",
        "type=tmpfs,source=foo,target=/t|invalid mount config for type \"tmpfs\": field Source must not be specified",
        "type=invalid,target=/data/invalid-type|invalid mount config for type \"invalid\": mount type unknown",
        "type=volume,target=/d,volume-subpath=x|invalid mount config for type \"volume\": must not set Subpath when using anonymous volumes",
        "type=volume,source=v1,target=/d,volume-subpath=../x|invalid mount config for type \"volume\": subpath must be a relative path within the volume",
        "type=volume,source=v1,target=/d,volume-subpath=/x|invalid mount config for type \"volume\": subpath must be a relative path within the volume",
    })
    void daemonSideErrorsAreDockers(String value, String expected) {
        BerthException e = assertThrows(BerthException.class, () -> parser.parseMount(value));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void bindSourceMustExist() {
        BerthException e = assertThrows(BerthException.class,
                () -> parser.parseMount("type=bind,source=/tmp/definitely-no-such-path,target=/data"));
        assertTrue(e.getMessage().startsWith("invalid mount config for type \"bind\": bind source path does not "
                + "exist: /tmp/definitely-no-such-path"), e.getMessage());
    }

    @Test
    void bindCreateSrcAllowsAMissingSource() {
        BindMount b = assertInstanceOf(BindMount.class,
                parser.parseMount("type=bind,source=/tmp/definitely-no-such-path,target=/data,bind-create-src"));
        assertTrue(b.createSource());
    }

    @ParameterizedTest
    @CsvSource({",false", "readonly,true", "readonly=1,true", "readonly=true,true", "readonly=0,false",
        "readonly=false,false", "ro,true", "ro=1,true", "ro=true,true", "ro=0,false", "ro=false,false"})
    void readOnlyTakesDockersBooleans(String option, boolean expected) {
        String value = "type=bind,target=/foo,source=" + src() + (option == null ? "" : "," + option);
        assertEquals(expected, parser.parseMount(value).readOnly());
    }

    @ParameterizedTest
    @CsvSource({"volume-nocopy,true", "volume-nocopy=1,true", "volume-nocopy=false,false", ",false"})
    void volumeNocopy(String option, boolean expected) {
        String value = "type=volume,target=/foo,source=foo" + (option == null ? "" : "," + option);
        VolumeMount v = (VolumeMount) parser.parseMount(value);
        assertEquals(expected, v.options().noCopy());
    }

    @Test
    void volumeLabelsAndOptionsRepeat() {
        VolumeMount v = (VolumeMount) parser.parseMount("type=volume,volume-driver=local,target=/foo,src=foo,"
                + "volume-label=foo=foo-value,volume-label=empty=,volume-label=bare,volume-label==x,"
                + "volume-opt=type=tmpfs,volume-opt=device=tmpfs,\"volume-opt=o=size=10m,uid=1000\"");
        assertEquals(Map.of("foo", "foo-value", "empty", "", "bare", ""), v.options().labels());
        assertEquals(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=10m,uid=1000"),
                v.options().driverOptions());
    }

    @Test
    void anotherVolumeDriverIsRefused() {
        BerthException e = assertThrows(BerthException.class,
                () -> parser.parseMount("type=volume,target=/foo,volume-driver=my-driver"));
        assertTrue(e.getMessage().contains("\"my-driver\" is not available"), e.getMessage());
    }

    @Test
    void volumeSubpathIsCleaned() {
        VolumeMount v = (VolumeMount) parser.parseMount("type=volume,src=v1,dst=/d,volume-subpath=a/./b/");
        assertEquals("a/b", v.options().subpath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"type=tmpfs,target=/target,tmpfs-size=1m,tmpfs-mode=0700",
        "type=tmpfs,target=/target,tmpfs-size=1MB,tmpfs-mode=700"})
    void tmpfsSizeIsBinaryAndModeOctal(String value) {
        TmpfsMount t = assertInstanceOf(TmpfsMount.class, parser.parseMount(value));
        assertEquals(List.of("mode=700", "size=1m"), t.options());
        assertFalse(t.readOnly());
    }

    @Test
    void tmpfsReadOnlyAndOddSize() {
        TmpfsMount t = (TmpfsMount) parser.parseMount("type=tmpfs,dst=/t,ro,tmpfs-size=1536k");
        assertEquals(List.of("ro", "size=1536k"), t.options());
        assertTrue(t.readOnly());
        TmpfsMount g = (TmpfsMount) parser.parseMount("type=tmpfs,dst=/t,tmpfs-size=2g");
        assertEquals(List.of("size=2g"), g.options());
        TmpfsMount b = (TmpfsMount) parser.parseMount("type=tmpfs,dst=/t,tmpfs-size=1000");
        assertEquals(List.of("size=1000"), b.options());
    }

    @Test
    void bindRecursionOptions() {
        String base = "type=bind,source=" + src() + ",target=/bar,";
        assertEquals(BindMount.Recursion.DISABLED, ((BindMount) parser.parseMount(base + "bind-recursive=disabled"))
                .recursion());
        assertEquals(BindMount.Recursion.DISABLED, ((BindMount) parser.parseMount(base + "bind-nonrecursive"))
                .recursion());
        assertEquals(BindMount.Recursion.WRITABLE,
                ((BindMount) parser.parseMount(base + "bind-recursive=writable,readonly")).recursion());
        BindMount ro = (BindMount) parser.parseMount(base + "bind-recursive=readonly,readonly,bind-propagation=rprivate");
        assertEquals(BindMount.Recursion.READONLY, ro.recursion());
        assertEquals(BindMount.Recursion.ENABLED, ((BindMount) parser.parseMount(base + "bind-recursive=enabled"))
                .recursion());
    }

    @Test
    void bindPropagation() {
        BindMount b = (BindMount) parser.parseMount("type=bind,source=" + src() + ",target=/bar,bind-propagation=SHARED");
        assertEquals(Propagation.SHARED, b.propagation());
        BerthException e = assertThrows(BerthException.class,
                () -> parser.parseMount("type=bind,source=" + src() + ",target=/bar,bind-propagation=weird"));
        assertEquals("invalid mount config for type \"bind\": invalid propagation mode: weird", e.getMessage());
    }

    @Test
    void relativeSourceWithWorkingDirectory() throws Exception {
        Path sub = Files.createDirectories(existing.resolve("sub"));
        MountSpecParser p = new MountSpecParser(sub);
        BindMount b = (BindMount) p.parseMount("type=bind,source=..,target=/t");
        assertEquals(existing.toString(), b.source());
    }
}
