package io.berth.compose.internal.interpolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** compose-go's template_test.go cases, and the edges of its pattern that those cases imply. */
class TemplateTest {
    /** FOO is set, BAR is set but empty, JSON holds braces; anything else is unset. */
    private static final Map<String, String> ENV = Map.of("FOO", "first", "BAR", "", "JSON", "{\"json\":2}");
    private static final Function<String, String> LOOKUP = ENV::get;

    private static String substitute(String template) {
        return Template.substitute(template, LOOKUP);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // no references, escapes, lone dollars
            "foo                          | foo",
            "$${foo}                      | ${foo}",
            "$$FOO                        | $FOO",
            "$$$FOO                       | $first",
            "a $ string                   | a $ string",
            "^REGEX$                      | ^REGEX$",
            "$}                           | $}",
            "$                            | $",
            "$1 and $-                    | $1 and $-",
            // plain references; a name ends at the first character that cannot be in one
            "This $FOO var                | This first var",
            "This ${FOO} var              | This first var",
            "$FOO-bar                     | first-bar",
            "$FOO.bar                     | first.bar",
            "${FOO}${FOO}                 | firstfirst",
            "This ${missing} var          | This  var",
            "This ${BAR} var              | This  var",
            "$FOO_1x                      | ''",
            // defaults: ':-' when unset or empty, '-' when unset
            "ok ${missing:-def}           | ok def",
            "ok ${missing-def}            | ok def",
            "ok ${BAR:-def}               | ok def",
            "ok ${FOO:-def}               | ok first",
            "ok ${BAR-def}                | 'ok '",
            "ok ${BAR:-/non:-alphanumeric} | ok /non:-alphanumeric",
            "ok ${missing:-}              | 'ok '",
            // replacements: ':+' when set and non-empty, '+' when set
            "ok ${UNSET_VAR:+presence_value} | 'ok '",
            "ok ${UNSET_VAR+presence_value}  | 'ok '",
            "ok ${FOO:+presence_value}    | ok presence_value",
            "ok ${FOO+presence_value}     | ok presence_value",
            "ok ${BAR+presence_value}     | ok presence_value",
            "ok ${BAR:+presence_value}    | 'ok '",
            // required, when the variable has a value
            "ok ${FOO:?err}               | ok first",
            "ok ${FOO?err}                | ok first",
            "ok ${BAR?err}                | 'ok '",
            // nested references in what follows an operator
            "ok ${UNSET_VAR-$FOO}         | ok first",
            "ok ${UNSET_VAR-${FOO}}       | ok first",
            "ok ${UNSET_VAR-${FOO} ${FOO}} | ok first first",
            "ok ${BAR:-$FOO}              | ok first",
            "ok ${BAR:-${FOO}}            | ok first",
            "ok ${BAR:-${FOO} ${FOO}}     | ok first first",
            "ok ${BAR+$FOO}               | ok first",
            "ok ${BAR+$FOO ${FOO:+second}} | ok first second",
            "${A:-${B:-${C:-qix}}}        | qix",
            "${A:-${B:-x}_test_${B:-y}}   | x_test_y",
            "${A:-${B:-x}_test}           | x_test",
            "${A:-${B:-${C:-x}}_test}     | x_test",
            "${A:-$$}                     | $",
            "${FOO:-${A:?inner}}x         | firstx",
            // text around a reference does not change which operator applies
            "-ok ${BAR:-defaultValue}     | -ok defaultValue",
            "+ok ${UNSET:-${BAR-defaultValue}} | '+ok '",
            ":-ok ${UNSET-defaultValue}   | :-ok defaultValue",
            ":-ok ${BAR-defaultValue}     | ':-ok '",
            ":?ok ${BAR-defaultValue}     | ':?ok '",
            ":?ok ${BAR:-defaultValue}    | :?ok defaultValue",
            ":+ok ${BAR:-defaultValue}    | :+ok defaultValue",
            "?ok ${BAR:-defaultValue}     | ?ok defaultValue",
            // the first operator after the name wins, the rest is text
            "${UNSET_VAR-myerror?msg}     | myerror?msg",
            "${FOO?bar-baz}               | first",
            "${BAR:-default_value_for_empty_var} | default_value_for_empty_var",
            // braces inside a default, and text after the reference
            "ok ${missing:-{\"json\":1}}  | ok {\"json\":1}",
            "ok ${missing-{\"json\":1}}   | ok {\"json\":1}",
            "ok ${JSON:-{\"json\":1}}     | ok {\"json\":2}",
            "ok ${JSON-{\"json\":1}}      | ok {\"json\":2}",
            "{{{ ${A:-foo_} }}}           | {{{ foo_ }}}",
            "{{{ ${A:-foo} ${B:-DEFAULT} }}} | {{{ foo DEFAULT }}}",
            "${A:-baz} }}}                | baz }}}",
            "${A:-x}}                     | x}",
            "ok ${SUBDOMAIN:-redis}.${FOO:?} | ok redis.first",
            // defaults may hold anything on the line, operators included
            "{{{ ${A:-foo?bar?value} }}}  | {{{ foo?bar?value }}}",
            "{{{ ${A:-foo:?bar:?value} }}} | {{{ foo:?bar:?value }}}",
    })
    void whenTemplateIsSubstituted_thenResultIsAsInComposeGo(String template, String expected) {
        assertEquals(expected, substitute(template));
    }

    @Test
    void whenVariableIsLookedUp_thenItsNameIsCaseSensitiveAndMayHoldDigitsAndUnderscores() {
        Map<String, String> env = Map.of("foo", "lower", "_A1_b2", "mixed");
        assertEquals("lower/mixed/", Template.substitute("$foo/${_A1_b2}/$FOO", env::get));
    }

    @Test
    void whenNameUsesGoCaseFoldingLetters_thenTheyArePartOfTheName() {
        // Go's (?i)[a-z] also matches U+017F and U+212A; compose-go therefore reads them as name characters.
        Map<String, String> env = Map.of("\u212Aey", "kelvin");
        assertEquals("kelvin", Template.substitute("$\u212Aey", env::get));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${", "${}", "${ }", "${ foo}", "${foo }", "${foo!}", "${foo:}", "${foo:x}", "${foo",
            "${1foo}", "${FOO:-a\nb}"})
    void whenTemplateIsMalformed_thenInvalidTemplateNamesTheWholeText(String template) {
        InterpolationException e = assertThrows(InterpolationException.class, () -> substitute(template));
        assertEquals(InterpolationException.Kind.INVALID_TEMPLATE, e.kind());
        assertEquals(template, e.template());
        assertEquals("Invalid template: " + GoSyntax.quote(template), e.getMessage());
        assertNull(e.variable());
    }

    @Test
    void whenTemplateIsMalformed_thenMessageQuotesItAsGoDoes() {
        InterpolationException e = assertThrows(InterpolationException.class, () -> substitute("a\t${ \"x\"}"));
        assertEquals("Invalid template: \"a\\t${ \\\"x\\\"}\"", e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // a malformed default is blamed on the default alone, and only when it is used
            "${A:-${ b}}        | ${ b}",
            "x ${A:-${B}        | ${B",
            // what follows a reference with an operator is substituted on its own
            "${A:-x} and ${ b}  | ' and ${ b}'",
            // without an operator the whole string is blamed
            "${FOO} and ${ b}   | ${FOO} and ${ b}",
    })
    void whenMalformedPartIsNested_thenErrorNamesTheInnermostText(String template, String blamed) {
        InterpolationException e = assertThrows(InterpolationException.class, () -> substitute(template));
        assertEquals(blamed, e.template());
    }

    @Test
    void whenMalformedDefaultIsNotUsed_thenNoError() {
        assertEquals("first", substitute("${FOO:-${ b}}"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "not ok ${UNSET_VAR:?Mandatory Variable Unset}  | UNSET_VAR | required variable UNSET_VAR is missing a value: Mandatory Variable Unset",
            "not ok ${BAR:?Mandatory Variable Empty}        | BAR       | required variable BAR is missing a value: Mandatory Variable Empty",
            "not ok ${UNSET_VAR:?}                          | UNSET_VAR | required variable UNSET_VAR is missing a value",
            "not ok ${UNSET_VAR?Mandatory Variable Unset}   | UNSET_VAR | required variable UNSET_VAR is missing a value: Mandatory Variable Unset",
            "not ok ${UNSET_VAR?}                           | UNSET_VAR | required variable UNSET_VAR is missing a value",
            "not ok ${UNSET_VAR:?Mandatory Variable ${FOO}} | UNSET_VAR | required variable UNSET_VAR is missing a value: Mandatory Variable first",
            "not ok ${UNSET_VAR?Mandatory Variable ${FOO}}  | UNSET_VAR | required variable UNSET_VAR is missing a value: Mandatory Variable first",
            "${UNSET_VAR?bar-baz}                           | UNSET_VAR | required variable UNSET_VAR is missing a value: bar-baz",
            "${A:?foo} ${B:?bar}                            | A         | required variable A is missing a value: foo",
    })
    void whenRequiredVariableHasNoValue_thenErrorNamesItAndTheReason(String template, String variable,
                                                                     String message) {
        InterpolationException e = assertThrows(InterpolationException.class, () -> substitute(template));
        assertEquals(InterpolationException.Kind.MISSING_REQUIRED, e.kind());
        assertEquals(variable, e.variable());
        assertEquals(message, e.getMessage());
        assertEquals(List.of(), e.path());
    }

    @Test
    void whenUnsetVariableDefaultsToBlank_thenItIsReported() {
        List<String> unset = new ArrayList<>();
        assertEquals("", Template.substitute("${A:-${B}}", LOOKUP, unset::add));
        assertEquals(List.of("B"), unset);
        assertEquals("The \"B\" variable is not set. Defaulting to a blank string.", Template.unsetWarning("B"));
    }

    @Test
    void whenUnsetVariableIsOnlyTested_thenNothingIsReported() {
        List<String> unset = new ArrayList<>();
        assertEquals("B", Template.substitute("${A:+${A},}B", LOOKUP, unset::add));
        assertEquals("value", Template.substitute("${A?${B}}", Map.of("A", "value")::get, unset::add));
        assertEquals("x", Template.substitute("${A:-x}${A-}", LOOKUP, unset::add));
        assertEquals(List.of(), unset);
    }

    @Test
    void whenBracesFollowAnOpeningBrace_thenTheCharacterAfterItIsSkippedAsInComposeGo() {
        assertEquals(8, Template.balancingBrace("${A:-{}}}x"));
        assertEquals(9, Template.balancingBrace("${A:-${B}}"));
        assertEquals(-1, Template.balancingBrace("${A:-{}"));
        assertEquals("{}", substitute("${A:-{}}"));
    }
}
