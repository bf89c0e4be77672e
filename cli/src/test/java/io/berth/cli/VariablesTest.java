package io.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variables found as compose-go's template.ExtractVariables finds them. */
class VariablesTest {
    private static Variables.Variable v(String name, String def, String alt, boolean required) {
        return new Variables.Variable(name, def, alt, required);
    }

    private static Map<String, Variables.Variable> of(Object model) {
        return Variables.extract(model);
    }

    @Test
    void whenThereAreNoVariables_thenNoneAreFound() {
        assertEquals(Map.of(), of(Map.of("foo", "bar", "n", 3L)));
    }

    @Test
    void whenVariablesAreBareOrBraced_thenEachIsFoundWithoutDefault() {
        assertEquals(Map.of("bar", v("bar", "", "", false), "baz", v("baz", "", "", false)),
                of(Map.of("a", "$bar", "b", "${baz}")));
    }

    @Test
    void whenAVariableIsRequired_thenItIsMarkedSo() {
        assertEquals(Map.of("bar", v("bar", "", "", true)), of(Map.of("a", "${bar?:foo}")));
        assertEquals(Map.of("bar", v("bar", "", "", true)), of(Map.of("a", "${bar:?must be set}")));
    }

    @Test
    void whenAVariableHasADefaultOrAnAlternate_thenTheyAreKept() {
        assertEquals(Map.of("a", v("a", "foo", "", false), "b", v("b", "foo", "", false),
                        "c", v("c", "", "yes", false), "d", v("d", "", "yes", false)),
                of(Map.of("1", "${a:-foo}", "2", "${b-foo}", "3", "${c:+yes}", "4", "${d+yes}")));
    }

    @Test
    void whenVariablesAreNestedInMapsListsAndOneString_thenAllAreFound() {
        Map<String, Variables.Variable> found = of(Map.of(
                "foo", "${bar:-foo}",
                "bar", Map.of("foo", "${fruit:-banana}", "bar", "vegetable"),
                "baz", List.of("foo", "$docker:${project:-cli}", "$toto", Map.of("deep", "${DEEP}")),
                "domain", "${SUBDOMAIN:-redis}.${ROOTDOMAIN:?}"));

        assertEquals(List.of("DEEP", "ROOTDOMAIN", "SUBDOMAIN", "bar", "docker", "fruit", "project", "toto"),
                List.copyOf(found.keySet()));
        assertEquals(v("project", "cli", "", false), found.get("project"));
        assertEquals(v("ROOTDOMAIN", "", "", true), found.get("ROOTDOMAIN"));
        assertEquals(v("SUBDOMAIN", "redis", "", false), found.get("SUBDOMAIN"));
    }

    @Test
    void whenADefaultNamesAnotherVariable_thenBothAreFound() {
        assertEquals(Map.of("ROOTDOMAIN", v("ROOTDOMAIN", "", "", false),
                        "SUBDOMAIN", v("SUBDOMAIN", "$ROOTDOMAIN", "", false),
                        "B", v("B", "", "", false), "A", v("A", "x${B}y", "", false)),
                of(Map.of("d", "${SUBDOMAIN:-$ROOTDOMAIN}", "e", "${A:-x${B}y}")));
    }

    @Test
    void whenADollarIsEscaped_thenItIsNoVariable() {
        assertEquals(Map.of(), of(Map.of("cmd", "echo $${HOME} $$PATH")));
    }

    @Test
    void whenAVariableIsUsedTwice_thenItIsRequiredIfOneUseIsAndKeepsTheFirstDefault() {
        assertEquals(Map.of("X", v("X", "d", "", true)), of(List.of("${X}", "${X:-d}", "${X:?}", "${X:-e}")));
    }
}
