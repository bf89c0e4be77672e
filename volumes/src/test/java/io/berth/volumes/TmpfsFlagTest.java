package io.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TmpfsFlagTest {
    private final MountSpecParser parser = new MountSpecParser();

    @Test
    void targetOnlyHasNoOptions() {
        assertEquals(new TmpfsMount("/run", List.of()), parser.parseTmpfs("/run/"));
    }

    @Test
    void optionsAreKeptInOrder() {
        TmpfsMount t = parser.parseTmpfs("/tmp:rw,size=787448k,mode=1777,exec");
        assertEquals(List.of("rw", "size=787448k", "mode=1777", "exec"), t.options());
    }

    @Test
    void lastOfRoRwWins() {
        assertTrue(parser.parseTmpfs("/t:rw,ro").readOnly());
        assertEquals(false, parser.parseTmpfs("/t:ro,rw").readOnly());
    }

    @Test
    void rootAndRelativeTargetsAreRefused() {
        assertTrue(assertThrows(BerthException.class, () -> parser.parseTmpfs("/")).getMessage()
                .contains("destination can't be '/'"));
        assertTrue(assertThrows(BerthException.class, () -> parser.parseTmpfs("tmp:size=1m")).getMessage()
                .contains("invalid mount path: 'tmp' mount path must be absolute"));
    }

    @Test
    void unknownOptionIsDockersMessage() {
        BerthException e = assertThrows(BerthException.class, () -> parser.parseTmpfs("/t:size=1m,bogus"));
        assertTrue(e.getMessage().contains("invalid tmpfs option \"bogus\""), e.getMessage());
        assertTrue(assertThrows(BerthException.class, () -> parser.parseTmpfs("/t:color=red")).getMessage()
                .contains("invalid tmpfs option \"color\""));
    }
}
