package io.berth.volumes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Go functions Docker's rules are written in, against Go's documented results. */
class GoCompatTest {
    @ParameterizedTest
    @CsvSource({"'',.", "/,/", "//a//b/,/a/b", "/a/./b/../c,/a/c", "/../x,/x", "a/../..,..", "./,.", "../,..",
        "a/b/../../c,c", "/a/b/..,/a"})
    void cleanIsGosPathClean(String in, String out) {
        assertEquals(out, GoPaths.clean(in));
    }

    @Test
    void isLocalIsGosFilepathIsLocal() {
        assertTrue(GoPaths.isLocal("a/b"));
        assertTrue(GoPaths.isLocal("a/../b"));
        assertFalse(GoPaths.isLocal("../a"));
        assertFalse(GoPaths.isLocal("a/../../b"));
        assertFalse(GoPaths.isLocal("/a"));
        assertFalse(GoPaths.isLocal(""));
    }

    @Test
    void csvReadsLikeEncodingCsv() {
        assertEquals(List.of("a", "b", ""), Csv.readRecord("a,b,"));
        assertEquals(List.of("volume-opt=o=size=1m,uid=1", "x"), Csv.readRecord("\"volume-opt=o=size=1m,uid=1\",x"));
        assertEquals(List.of("say \"hi\"", ""), Csv.readRecord("\"say \"\"hi\"\"\","));
        assertEquals(List.of("first"), Csv.readRecord("first\nsecond"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Csv.readRecord("a\"b")).getMessage()
                .contains("bare \" in non-quoted-field"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Csv.readRecord("\"open")).getMessage()
                .contains("extraneous or missing \" in quoted-field"));
    }

    @ParameterizedTest
    @CsvSource({"32,32", "32b,32", "32B,32", "32k,32768", "32K,32768", "32kb,32768", "32Kib,32768", "32KIB,32768",
        "32Mb,33554432", "32Gb,34359738368", "32Tb,35184372088832", "32Pb,36028797018963968", "1.5k,1536",
        "1 m,1048576"})
    void ramInBytesIsGoUnits(String in, long out) {
        assertEquals(out, GoUnits.ramInBytes(in));
    }

    @Test
    void ramInBytesRefusesWhatGoUnitsRefuses() {
        for (String bad : List.of("", "hello", "-32", ".3k", "32kbi", "32m m", "1.2.3k")) {
            assertThrows(NumberFormatException.class, () -> GoUnits.ramInBytes(bad), bad);
        }
    }

    @Test
    void mountOptionsSplitIntoFlagsAndData() {
        MountFlags.Parsed p = MountFlags.parse("size=10m,uid=1000,ro,nosuid");
        assertEquals(MountFlags.MS_RDONLY | MountFlags.MS_NOSUID, p.flags());
        assertEquals("size=10m,uid=1000", p.data());
        MountFlags.Parsed bind = MountFlags.parse("bind,rw,rshared");
        assertEquals(MountFlags.MS_BIND | MountFlags.MS_SHARED | MountFlags.MS_REC, bind.flags());
        assertEquals("", bind.data());
        assertEquals(0, MountFlags.parse("ro,rw,defaults").flags());
        assertEquals("addr=1.2.3.4,vers=4", MountFlags.parse("addr=1.2.3.4,vers=4").data());
    }

    @Test
    void tmpfsMergeKeepsTheLastOfEachKind() {
        assertEquals(List.of("nodev", "exec", "rshared", "size=2m"), MountFlags.mergeTmpfsOptions(
                List.of("noexec", "nodev", "size=1m", "rprivate", "exec", "rshared", "size=2m", "defaults")));
        assertThrows(IllegalArgumentException.class, () -> MountFlags.mergeTmpfsOptions(List.of("bogus")));
    }

    @Test
    void mountInfoFindsMountPointsWithEscapes() {
        String text = "22 1 0:21 / / rw,relatime shared:1 - ext4 /dev/vda rw\n"
                + "99 22 0:50 / /var/lib/berth/volumes/with\\040space/_data rw - tmpfs tmpfs rw\n";
        assertEquals(List.of("/", "/var/lib/berth/volumes/with space/_data"), MountInfo.mountPoints(text));
        assertEquals("a\\b", MountInfo.unescape("a\\134b"));
        assertEquals("tail\\04", MountInfo.unescape("tail\\04"));
    }
}
