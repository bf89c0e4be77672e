package io.berth.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatterTest {
    private static Map<String, Object> row(String id, String names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", id);
        m.put("Names", names);
        return m;
    }

    private static final Map<String, String> HEADERS = Map.of("ID", "CONTAINER ID", "Names", "NAMES");

    @Test
    void whenTheFormatIsATable_thenColumnsAreAlignedAsGosTabwriterDoes() {
        String out = Formatter.of("table {{.ID}}\\t{{.Names}}", "").render(
                List.of(row("abc", "web"), row("0123456789abcdef", "db")), HEADERS::get);

        assertEquals("CONTAINER ID       NAMES\n"
                + "abc                web\n"
                + "0123456789abcdef   db\n", out);
    }

    @Test
    void whenColumnsAreNarrow_thenTheMinimumWidthIsTen() {
        assertEquals("ID        X\na         b\n", new TabWriter(10, 3).align("ID\tX\na\tb") + "\n");
    }

    @Test
    void whenTheFormatIsJson_thenOneObjectPerLine() {
        assertEquals("{\"ID\":\"a\",\"Names\":\"w\"}\n{\"ID\":\"b\",\"Names\":\"d\"}\n",
                Formatter.of("json", "").render(List.of(row("a", "w"), row("b", "d")), HEADERS::get));
    }

    @Test
    void whenTheFormatIsATemplate_thenNoHeaderAndOneLinePerRow() {
        assertEquals("a:w\nb:d\n", Formatter.of("{{.ID}}:{{.Names}}", "").render(
                List.of(row("a", "w"), row("b", "d")), HEADERS::get));
    }

    @Test
    void whenNoFormatIsGiven_thenTheDefaultTableIsUsedEvenWithoutRows() {
        assertEquals("CONTAINER ID   NAMES\n",
                Formatter.of(null, "table {{.ID}}\\t{{.Names}}").render(List.of(), HEADERS::get));
    }

    @Test
    void whenJsonIsIndented_thenItLooksLikeDockerInspect() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", "x");
        m.put("Args", List.of());
        m.put("Env", List.of("A=<b>"));
        m.put("Labels", Map.of());
        m.put("Pid", 3L);
        assertEquals("[\n    {\n        \"Id\": \"x\",\n        \"Args\": [],\n        \"Env\": [\n"
                + "            \"A=\\u003cb\\u003e\"\n        ],\n        \"Labels\": {},\n        \"Pid\": 3\n    }\n]",
                JsonText.indent(List.of(m), "    "));
    }
}
