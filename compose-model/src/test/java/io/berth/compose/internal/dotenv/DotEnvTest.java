package io.berth.compose.internal.dotenv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** compose-go's godotenv_test.go, parser_test.go and godotenv_var_expansion_test.go, as behaviours: what is read. */
class DotEnvTest {
    private static final Function<String, String> NOTHING = name -> null;

    private static Map<String, String> parse(String content) {
        return DotEnv.parse(content, ".env", NOTHING);
    }

    static Stream<Arguments> singleStatements() {
        return Stream.of(
                // unquoted, blanks around the separator, yaml style
                Arguments.of("FOO=bar", "FOO", "bar"),
                Arguments.of("FOO =bar", "FOO", "bar"),
                Arguments.of("FOO= bar", "FOO", "bar"),
                Arguments.of("OPTION_A: 1", "OPTION_A", "1"),
                Arguments.of("OPTION_A: Foo=bar", "OPTION_A", "Foo=bar"),
                Arguments.of("OPTION_A=1:B", "OPTION_A", "1:B"),
                Arguments.of("FOO=foobar=", "FOO", "foobar="),
                Arguments.of("FOO=bar ", "FOO", "bar"),
                Arguments.of("FOO=bar\r\n", "FOO", "bar"),
                Arguments.of("FOO=", "FOO", ""),
                Arguments.of("=\"value\"", "", "value"),
                // quotes
                Arguments.of("FOO=\"bar\"", "FOO", "bar"),
                Arguments.of("FOO='bar'", "FOO", "bar"),
                Arguments.of("FOO=\"escaped\\\"bar\"", "FOO", "escaped\"bar"),
                Arguments.of("FOO=\"\\\"quoted\\\"\"", "FOO", "\"quoted\""),
                Arguments.of("FOO=\"'d'\"", "FOO", "'d'"),
                Arguments.of("FOO='Let\\'s go!'", "FOO", "Let's go!"),
                Arguments.of("FOO=\"echo 'asd'\" # Inline comment", "FOO", "echo 'asd'"),
                // export
                Arguments.of("export OPTION_A=2", "OPTION_A", "2"),
                Arguments.of("export OPTION_B='\\n'", "OPTION_B", "\\n"),
                Arguments.of("export exportFoo=2", "exportFoo", "2"),
                Arguments.of("exportFOO=2", "exportFOO", "2"),
                Arguments.of("export_FOO =2", "export_FOO", "2"),
                Arguments.of("export.FOO= 2", "export.FOO", "2"),
                Arguments.of("export\tOPTION_A=2", "OPTION_A", "2"),
                Arguments.of("  export OPTION_A=2", "OPTION_A", "2"),
                Arguments.of("\texport OPTION_A=2", "OPTION_A", "2"),
                Arguments.of("export OPTION_A=\"export A\"", "OPTION_A", "export A"),
                Arguments.of("export=1", "export", "1"),
                // escapes: only in double quotes, and only the XSI-echo ones
                Arguments.of("FOO=\"bar\\nbaz\"", "FOO", "bar\nbaz"),
                Arguments.of("FOO=a\\tb", "FOO", "a\\tb"),
                Arguments.of("FOO='a\\tb'", "FOO", "a\\tb"),
                Arguments.of("FOO=\"a\\tb\"", "FOO", "a\tb"),
                Arguments.of("KEY=\"Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z\"", "KEY",
                        "Z\u0007Z\bZ\fZ\nZ\rZ\tZ\u000BZ\\ZSZ"),
                Arguments.of("FOO=\"bar\\n\\ b\\az\"", "FOO", "bar\n\\ b\u0007z"),
                Arguments.of("FOO=\"bar\\\\\\n\\ b\\az\"", "FOO", "bar\\\n\\ b\u0007z"),
                Arguments.of("FOO=\"bar\\\\r\\ b\\az\"", "FOO", "bar\\r\\ b\u0007z"),
                Arguments.of("FOO=\"bar\\nbaz\\\\\"", "FOO", "bar\nbaz\\"),
                Arguments.of("KEY=\"\\0123\"", "KEY", "S"),
                Arguments.of("KEY=\"\\0012x\"", "KEY", "\nx"),
                Arguments.of("KEY=\"\\012\"", "KEY", "\\012"),
                Arguments.of("KEY=\"\\0\"", "KEY", "\\0"),
                Arguments.of("KEY=\"\\0400\"", "KEY", "\\0400"),
                Arguments.of("KEY=\"\\0389\"", "KEY", "\\0389"),
                Arguments.of("KEY=\"\\x07\"", "KEY", "\\x07"),
                Arguments.of("KEY=\"\\u12e4\"", "KEY", "\\u12e4"),
                Arguments.of("KEY=\"\\U00101234\"", "KEY", "\\U00101234"),
                Arguments.of("KEY=\"\\c\\'\"", "KEY", "\\c\\'"),
                // comments: after a blank in unquoted values, anywhere after a quoted one
                Arguments.of("FOO=bar # this is foo", "FOO", "bar"),
                Arguments.of("FOO=bar #this is foo", "FOO", "bar"),
                Arguments.of("FOO=bar #", "FOO", "bar"),
                Arguments.of("FOO=123#not-an-inline-comment", "FOO", "123#not-an-inline-comment"),
                Arguments.of("FOO=bar\t# a tab does not start a comment", "FOO", "bar\t# a tab does not start a comment"),
                Arguments.of("FOO= # the separator's blanks are skipped first", "FOO",
                        "# the separator's blanks are skipped first"),
                Arguments.of("FOO=\"bar#baz\"", "FOO", "bar#baz"),
                Arguments.of("FOO=\"bar#baz\"#", "FOO", "bar#baz"),
                Arguments.of("FOO=\"bar#baz\" # comment", "FOO", "bar#baz"),
                Arguments.of("FOO='bar#baz' # comment", "FOO", "bar#baz"),
                Arguments.of("FOO=\"bar#baz#bang\" # comment", "FOO", "bar#baz#bang"),
                // leading blanks, names with dots, dashes, brackets, non-ASCII letters and digits
                Arguments.of(" KEY =value", "KEY", "value"),
                Arguments.of("   KEY=value", "KEY", "value"),
                Arguments.of("\tKEY=value", "KEY", "value"),
                Arguments.of("FOO.BAR=foobar", "FOO.BAR", "foobar"),
                Arguments.of("VAR-WITH-DASHES=dashes", "VAR-WITH-DASHES", "dashes"),
                Arguments.of("a[1]=c", "a[1]", "c"),
                Arguments.of("árvíztűrő-TÜKÖRFÚRÓGÉP=ÁRVÍZTŰRŐ-tükörfúrógép", "árvíztűrő-TÜKÖRFÚRÓGÉP",
                        "ÁRVÍZTŰRŐ-tükörfúrógép"),
                Arguments.of("456 = ABC", "456", "ABC"),
                Arguments.of("OPTION_D = then another one with an unquoted phrase special è char", "OPTION_D",
                        "then another one with an unquoted phrase special è char"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("singleStatements")
    void whenStatementIsParsed_thenKeyAndValueAreAsInComposeGo(String content, String key, String value) {
        assertEquals(Map.of(key, value), parse(content));
    }

    @Test
    void whenFileHasSeveralStatements_thenAllAreReadInOrder() {
        String content = """
                OPTION_A=1
                OPTION_B=2
                OPTION_C= 3
                OPTION_D =4
                OPTION_E = 5
                OPTION_F =\s
                OPTION_G=
                OPTION_H = my string # Inline comment
                """;
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("OPTION_A", "1");
        expected.put("OPTION_B", "2");
        expected.put("OPTION_C", "3");
        expected.put("OPTION_D", "4");
        expected.put("OPTION_E", "5");
        expected.put("OPTION_F", "");
        expected.put("OPTION_G", "");
        expected.put("OPTION_H", "my string");
        LinkedHashMap<String, String> actual = DotEnv.parse(content, ".env", NOTHING);
        assertEquals(expected, actual);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
    }

    @Test
    void whenQuotedValuesSpanLines_thenNewlinesAreKept() {
        String content = """
                OPTION_A='1'
                OPTION_C=''
                OPTION_D='\\n'
                OPTION_G=""
                OPTION_H="\\n"
                OPTION_J = 'first line
                second line
                third line
                and so on'
                OPTION_K="stratum+tcp://a:3333
                stratum+tcp://b:443"
                OPTION_Z = "last value"
                """;
        Map<String, String> env = parse(content);
        assertEquals("1", env.get("OPTION_A"));
        assertEquals("", env.get("OPTION_C"));
        assertEquals("\\n", env.get("OPTION_D"));
        assertEquals("", env.get("OPTION_G"));
        assertEquals("\n", env.get("OPTION_H"));
        assertEquals("first line\nsecond line\nthird line\nand so on", env.get("OPTION_J"));
        assertEquals("stratum+tcp://a:3333\nstratum+tcp://b:443", env.get("OPTION_K"));
        assertEquals("last value", env.get("OPTION_Z"));
    }

    @Test
    void whenKeyIsDefinedTwice_thenLastValueWinsAtTheFirstPosition() {
        LinkedHashMap<String, String> env = DotEnv.parse("A=1\nB=2\nA=3\n", ".env", NOTHING);
        assertEquals(List.of("A", "B"), new ArrayList<>(env.keySet()));
        assertEquals("3", env.get("A"));
    }

    @Test
    void whenQuotedValueIsFollowedByText_thenTheTextIsTheNextStatementAsInComposeGo() {
        assertEquals(Map.of("A", "x", "B", "y"), parse("A=\"x\" B=y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\t\t ", "# Comment", "\t # comment", "#a\n\n  # b\n", "\u00A0\u3000\n"})
    void whenLineIsBlankOrComment_thenNothingIsRead(String content) {
        assertEquals(Map.of(), parse(content));
    }

    static Stream<Arguments> expansions() {
        return Stream.of(
                Arguments.of("FOO=test\nBAR=$FOO", Map.of("FOO", "test", "BAR", "test")),
                Arguments.of("FOO=test\nBAR=${FOO}bar", Map.of("FOO", "test", "BAR", "testbar")),
                Arguments.of("BAR=$FOO", Map.of("BAR", "")),
                Arguments.of("FOO=test\nBAR=\"quote $FOO\"", Map.of("FOO", "test", "BAR", "quote test")),
                Arguments.of("BAR='quote $FOO'", Map.of("BAR", "quote $FOO")),
                Arguments.of("FOO=\"foo\\$BAR\"", Map.of("FOO", "foo$BAR")),
                Arguments.of("FOO=\"foo\\${BAR}\"", Map.of("FOO", "foo${BAR}")),
                Arguments.of("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"", Map.of("FOO", "test", "BAR", "foo${FOO} test")),
                Arguments.of("FOO=$$BAR", Map.of("FOO", "$BAR")),
                // unquoted values have no escapes: the backslash stays and the variable is expanded
                Arguments.of("A=1\nFOO=\\$A", Map.of("A", "1", "FOO", "\\1")),
                // an octal escape may produce a dollar, which is then expanded
                Arguments.of("A=1\nFOO=\"\\0044A\"", Map.of("A", "1", "FOO", "1")),
                Arguments.of("""
                        OPTION_A=1
                        OPTION_B=${OPTION_A}
                        OPTION_C=$OPTION_B
                        OPTION_D=${OPTION_A}_${OPTION_B}
                        OPTION_E=${OPTION_NOT_DEFINED}
                        """, Map.of("OPTION_A", "1", "OPTION_B", "1", "OPTION_C", "1", "OPTION_D", "1_1",
                        "OPTION_E", "")),
                Arguments.of("RESULT=${UNSET_VAR:-Default Value}", Map.of("RESULT", "Default Value")),
                Arguments.of("E=\nRESULT=${E:-Default Value}", Map.of("E", "", "RESULT", "Default Value")),
                Arguments.of("E=\nRESULT=${E-Default Value}", Map.of("E", "", "RESULT", "")),
                Arguments.of("T=Test Value\nRESULT=${T:-Default Value}", Map.of("T", "Test Value",
                        "RESULT", "Test Value")),
                Arguments.of("E=\nRESULT=${E?Test error}", Map.of("E", "", "RESULT", "")),
                Arguments.of("T=Test Value\nRESULT=${T:?err}", Map.of("T", "Test Value", "RESULT", "Test Value")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("expansions")
    void whenValueReferencesVariables_thenTheyAreExpandedExceptInSingleQuotes(String content,
                                                                           Map<String, String> expected) {
        assertEquals(expected, parse(content));
    }

    @Test
    void whenVariableIsBothInLookupAndEarlierInFile_thenLookupWins() {
        String content = """
                OPTION_A=1
                OPTION_B=${OPTION_A}
                OPTION_C=$OPTION_B
                OPTION_D=${OPTION_A}_${OPTION_B}
                OPTION_E=${OPTION_NOT_DEFINED}
                """;
        Map<String, String> env = DotEnv.parse(content, ".env", Map.of("OPTION_A", "5")::get);
        assertEquals(Map.of("OPTION_A", "1", "OPTION_B", "5", "OPTION_C", "5", "OPTION_D", "5_5", "OPTION_E", ""),
                env);
    }

    @Test
    void whenDefaultRefersToItsOwnKey_thenLookupValueOrDefaultIsUsed() {
        String content = "OPTION_A=${OPTION_A:-1}\nOPTION_B=${OPTION_A}\n";
        assertEquals(Map.of("OPTION_A", "5", "OPTION_B", "5"),
                DotEnv.parse(content, ".env", Map.of("OPTION_A", "5")::get));
        assertEquals(Map.of("OPTION_A", "1", "OPTION_B", "1"), parse(content));
    }

    @Test
    void whenLookupKnowsAVariable_thenItExpandsValues() {
        assertEquals(Map.of("TEST", "YES"), DotEnv.parse("TEST=$ME", ".env", Map.of("ME", "YES")::get));
    }

    @Test
    void whenKeyIsBare_thenItsValueComesFromLookupOrItIsLeftOut() {
        Function<String, String> lookup = Map.of("VAR_FROM_OS", "SOME_VALUE")::get;
        assertEquals(Map.of("foo", "bar", "VAR_FROM_OS", "SOME_VALUE", "bar", "baz"),
                DotEnv.parse("foo=bar\nVAR_FROM_OS\nbar=baz\n", ".env", lookup));
        assertEquals(Map.of("VAR_FROM_OS", "SOME_VALUE"), DotEnv.parse("VAR_FROM_OS\n", ".env", lookup));
        List<String> asked = new ArrayList<>();
        assertEquals(Map.of(), DotEnv.parse("VARIABLE_NOT_FOUND\n", ".env", name -> {
            asked.add(name);
            return null;
        }));
        assertEquals(List.of("VARIABLE_NOT_FOUND"), asked);
    }

    @Test
    void whenBareKeyEndsTheFileWithoutNewline_thenItIsStillInherited() {
        // compose-go stores {"": "KEY"} here; we read the line as every other bare key.
        assertEquals(Map.of("A", "1", "KEY", "v"), DotEnv.parse("A=1\nKEY", ".env", Map.of("KEY", "v")::get));
        assertEquals(Map.of(), parse("KEY  "));
    }

    @Test
    void whenBareKeyIsKnownOnlyEarlierInTheFile_thenEarlierValueStays() {
        assertEquals(Map.of("A", "1"), parse("A=1\nA\n"));
    }

    @Test
    void whenVariablesArePresetForSeveralFiles_thenLaterFilesSeeEarlierOnesAfterTheLookup() {
        String base = "ENV_HOSTNAME=localhost\nENV_MY_URL=\"http://${ENV_HOSTNAME}\"\n";
        String override = "ENV_HOSTNAME=dev.my-company.com\nENV_MY_URL=\"http://${ENV_HOSTNAME}\"\n";

        Map<String, String> env = new LinkedHashMap<>();
        DotEnv.parseInto(base, "base.env", NOTHING, env);
        DotEnv.parseInto(override, "override.env", NOTHING, env);
        assertEquals(Map.of("ENV_HOSTNAME", "dev.my-company.com", "ENV_MY_URL", "http://dev.my-company.com"), env);

        Map<String, String> os = Map.of("ENV_HOSTNAME", "host.local");
        Map<String, String> withOs = new LinkedHashMap<>();
        DotEnv.parseInto(base, "base.env", os::get, withOs);
        DotEnv.parseInto(override, "override.env", os::get, withOs);
        assertEquals(Map.of("ENV_HOSTNAME", "dev.my-company.com", "ENV_MY_URL", "http://host.local"), withOs);
    }

    @Test
    void whenManyLinesAreParsed_thenAllAreRead() {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            content.append("KEY").append(i).append("=VALUE").append(i).append('\n');
        }
        Map<String, String> env = parse(content.toString());
        assertEquals(1000, env.size());
        assertEquals("VALUE999", env.get("KEY999"));
    }

    @Test
    void whenLookupIsNull_thenNothingOutsideTheFileIsKnown() {
        assertEquals(Map.of("A", "", "B", "x"), DotEnv.parse("A=$HOME\nB=x\nPATH\n", ".env", null));
    }
}
