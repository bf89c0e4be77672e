package io.berth.scheduler.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PathStatTest {
    @Test
    void whenModesAreConverted_thenTheyAreGosFileModeBits() {
        assertEquals((1L << 31) | 0755, PathStat.goMode(040755));
        assertEquals((1L << 27) | 0777, PathStat.goMode(0120777));
        assertEquals((1L << 23) | 0755, PathStat.goMode(0104755));
        assertEquals((1L << 26) | (1L << 21) | 0666, PathStat.goMode(020666));
        assertEquals((1L << 20) | 0777 | (1L << 31), PathStat.goMode(041777));
    }

    @Test
    void whenTheHeaderIsDecoded_thenItHasDockersFields() {
        PathStat stat = new PathStat("a \"b\"", 5, 0644, "2024-01-02T03:04:05Z", "");
        JsonObject json = new JsonObject(new String(Base64.getDecoder().decode(stat.header()), StandardCharsets.UTF_8));
        assertEquals("a \"b\"", json.getString("name"));
        assertEquals(5, json.getLong("size"));
        assertEquals(0644, json.getLong("mode"));
        assertEquals("2024-01-02T03:04:05Z", json.getString("mtime"));
        assertEquals("", json.getString("linkTarget"));
    }
}
