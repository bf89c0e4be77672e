package io.berth.compose.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.tree.TreePath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private static Map<String, Object> read(String yaml) {
        return YamlReader.read(yaml, "f.yaml", new SourceMap()).get(0).tree();
    }

    @Test
    void whenPlainScalarsAreRead_thenGoYamlRulesApply() {
        Map<String, Object> m = read("a: yes\nb: true\nc: 0755\nd: 1_000\ne: 1.5\nf: ~\ng: 0x1F\nh: 2001-12-14\n");
        assertEquals("yes", m.get("a"));
        assertEquals(Boolean.TRUE, m.get("b"));
        assertEquals(493L, m.get("c"));
        assertEquals(1000L, m.get("d"));
        assertEquals(1.5, m.get("e"));
        assertNull(m.get("f"));
        assertEquals(31L, m.get("g"));
        assertEquals("2001-12-14", m.get("h"));
    }

    @Test
    void whenMergeKeyIsUsed_thenExplicitKeysWin() {
        Map<String, Object> m = read("base: &b {image: x, restart: always}\nweb:\n  <<: *b\n  image: y\n");
        assertEquals(Map.of("image", "y", "restart", "always"), m.get("web"));
    }

    @Test
    void whenKeyIsDuplicated_thenErrorNamesBothLines() {
        ComposeException e = assertThrows(ComposeException.class, () -> read("a: 1\nb: 2\na: 3\n"));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void whenTabsIndent_thenErrorSaysSo() {
        ComposeException e = assertThrows(ComposeException.class, () -> read("services:\n\tweb: {}\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void whenResetTagIsUsed_thenValueIsDroppedAndPathRecorded() {
        YamlDocument d = YamlReader.read("services:\n  web:\n    ports: !reset []\n", "f", new SourceMap()).get(0);
        assertEquals(Map.of("web", Map.of()), d.tree().get("services"));
        assertEquals(List.of(TreePath.of("services", "web", "ports")), d.resetPaths());
    }

    @Test
    void whenValueIsRead_thenItsPositionIsKnown() {
        SourceMap sm = new SourceMap();
        YamlReader.read("services:\n  web:\n    image: x\n", "f.yaml", sm);
        assertEquals("f.yaml:3:12", sm.find(TreePath.of("services", "web", "image")).toString());
    }
}
