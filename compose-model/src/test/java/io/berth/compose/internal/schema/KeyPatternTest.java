package io.berth.compose.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyPatternTest {
    private static final List<String> SAMPLES = List.of("", "web", "web-1", "Web_1.2", "x-", "x-foo", "xfoo",
            "a b", "é", "web\n", "\n", "\nweb", "UPPER", "a/b", "-", ".", "web$");

    @Test
    void whenPatternHasAFastShape_thenItMatchesExactlyAsGoRegexpWould() {
        for (String source : List.of("^x-", "^[a-zA-Z0-9._-]+$", "^[a-z]+$", ".+", "^.+$")) {
            KeyPattern fast = KeyPattern.compile(source);
            // Go: $ is the very end of the text, . is anything but \n.
            Pattern go = Pattern.compile(source.replace("$", "\\z"), Pattern.UNIX_LINES);
            for (String sample : SAMPLES) {
                assertEquals(go.matcher(sample).find(), fast.matches(sample), () -> source + " on '" + sample + "'");
            }
        }
    }

    @Test
    void whenPatternIsGeneral_thenItIsSearchedNotAnchored() {
        KeyPattern policy = KeyPattern.compile("always|never|every_([0-9]+[wdhms])+");
        assertTrue(policy.matches("every_12h"));
        assertTrue(policy.matches("sometimes never"));
        assertFalse(policy.matches("sometimes"));
        KeyPattern anchored = KeyPattern.compile("^[a-z]+[0-9]$");
        assertTrue(anchored.matches("web1"));
        assertFalse(anchored.matches("web1\n"));
        assertTrue(KeyPattern.compile("[$]").matches("a$b"));
    }

    @Test
    void whenPatternIsNotValid_thenCompileFails() {
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.compile("a("));
    }
}
