package io.berth.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static Map<String, Object> container() {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("tier", "web");
        labels.put("app", "shop");
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", "running");
        state.put("Pid", 4123L);
        state.put("Running", true);
        state.put("ExitCode", 0L);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Id", "0123456789ab");
        c.put("Name", "/web");
        c.put("State", state);
        c.put("Labels", labels);
        c.put("Args", List.of("-c", "echo hi"));
        c.put("Empty", List.of());
        c.put("Ratio", 0.25);
        return c;
    }

    private static String run(String template) {
        return Template.parse(template).execute(container());
    }

    @Test
    void whenFieldsAreNested_thenTheyAreFollowed() {
        assertEquals("/web running 4123 true", run("{{.Name}} {{.State.Status}} {{.State.Pid}} {{.State.Running}}"));
    }

    @Test
    void whenAKeyIsMissing_thenNoValueIsPrintedAsGoDoes() {
        assertEquals("<no value>", run("{{.Nope}}"));
        assertEquals("<no value>", run("{{.Nope.Deeper}}"));
    }

    @Test
    void whenValuesAreListsOrMaps_thenTheyPrintAsGoPrintsThem() {
        assertEquals("[-c echo hi] map[app:shop tier:web] 0.25", run("{{.Args}} {{.Labels}} {{.Ratio}}"));
    }

    @Test
    void whenJsonIsAsked_thenCompactJsonWithoutHtmlEscaping() {
        assertEquals("{\"tier\":\"web\",\"app\":\"shop\"}", run("{{json .Labels}}"));
        assertEquals("\"a<b>&\"", Template.parse("{{json .}}").execute("a<b>&"));
    }

    @Test
    void whenRangeHasKeyAndValue_thenMapsIterateInKeyOrder() {
        assertEquals("app=shop,tier=web,", run("{{range $k, $v := .Labels}}{{$k}}={{$v}},{{end}}"));
        assertEquals("-c|echo hi|", run("{{range .Args}}{{.}}|{{end}}"));
        assertEquals("none", run("{{range .Empty}}x{{else}}none{{end}}"));
    }

    @Test
    void whenIfElseIfElse_thenTheFirstTrueBranchRuns() {
        assertEquals("up", run("{{if .State.Running}}up{{else}}down{{end}}"));
        assertEquals("zero", run("{{if .State.Pid | not}}no pid{{else if eq .State.ExitCode 0}}zero{{else}}x{{end}}"));
        assertEquals("empty", run("{{if .Empty}}full{{else}}empty{{end}}"));
    }

    @Test
    void whenFunctionsAreCalled_thenDockersSetWorks() {
        assertEquals("web", run("{{index .Labels \"tier\"}}"));
        assertEquals("-c,echo hi", run("{{join .Args \",\"}}"));
        assertEquals("/WEB /web", run("{{upper .Name}} {{.Name | lower}}"));
        assertEquals("Hello World", Template.parse("{{title .}}").execute("hello world"));
        assertEquals("/web\n", run("{{println .Name}}"));
        assertEquals("[a b c]", Template.parse("{{split . \":\"}}").execute("a:b:c"));
        assertEquals("01234", run("{{truncate .Id 5}}"));
        assertEquals("  x ", Template.parse("{{pad . 2 1}}").execute("x"));
        assertEquals("2", run("{{len .Labels}}"));
    }

    @Test
    void whenPrintfIsUsed_thenGoVerbsAndWidthsApply() {
        assertEquals("/web      |4123|\"hi\"|0.25", run("{{printf \"%-10s|%d|%q|%v\" .Name .State.Pid \"hi\" .Ratio}}"));
        assertEquals("  7", Template.parse("{{printf \"%3d\" .}}").execute(7L));
    }

    @Test
    void whenWithAndVariablesAndParens_thenScopesWork() {
        assertEquals("running", run("{{with .State}}{{.Status}}{{end}}"));
        assertEquals("none", run("{{with .Nope}}{{.}}{{else}}none{{end}}"));
        assertEquals("/web:running", run("{{$n := .Name}}{{with .State}}{{$n}}:{{.Status}}{{end}}"));
        assertEquals("running", run("{{(index . \"State\").Status}}"));
        assertEquals("/web", run("{{with .State}}{{$.Name}}{{end}}"));
    }

    @Test
    void whenTrimMarkersAndCommentsAreUsed_thenWhitespaceGoes() {
        assertEquals("a,b", Template.parse("a ,  {{- /* note */ -}}  ,  {{- \"\" -}} b").execute(null)
                .replace(" ", "").replace(",,", ","));
        assertEquals("ab", Template.parse("a  {{- \"\" -}}  b").execute(null));
    }

    @Test
    void whenATemplateObjectHasMethods_thenArgumentsReachThem() {
        TemplateObject row = new TemplateObject() {
            @Override
            public Object field(String name, List<Object> args) {
                return switch (name) {
                    case "Label" -> "label:" + args.get(0);
                    case "ID" -> "abc";
                    default -> MISSING;
                };
            }

            @Override
            public Map<String, Object> json() {
                return Map.of("ID", "abc");
            }
        };
        assertEquals("label:k abc {\"ID\":\"abc\"}", Template.parse("{{.Label \"k\"}} {{.ID}} {{json .}}").execute(row));
        TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("{{.Nope}}").execute(row));
        assertTrue(e.getMessage().contains("can't evaluate field Nope"), e.getMessage());
    }

    @Test
    void whenTheTemplateIsBroken_thenTheErrorSaysWhat() {
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("{{.Name"))
                .getMessage().contains("unclosed action"));
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("{{if .X}}a"))
                .getMessage().contains("without {{end}}"));
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("{{nope .X}}").execute(Map.of()))
                .getMessage().contains("function \"nope\" not defined"));
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("{{end}}"))
                .getMessage().contains("unexpected {{end}}"));
    }
}
