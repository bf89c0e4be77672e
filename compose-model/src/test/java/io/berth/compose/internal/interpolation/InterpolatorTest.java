package io.berth.compose.internal.interpolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** compose-go's interpolation_test.go, and the loader's type casts from loader/interpolate.go. */
class InterpolatorTest {
    private static final Map<String, String> ENV = Map.of("USER", "jenny", "FOO", "bar", "count", "5",
            "REQUIRED", "true");
    private static final Function<String, String> LOOKUP = ENV::get;

    /** A LinkedHashMap from alternating keys and values. */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> service(String key, Object value) {
        return map("services", map("web", map(key, value)));
    }

    @Test
    void whenTreeIsInterpolated_thenEveryStringValueIsSubstitutedAtAnyDepth() {
        Map<String, Object> in = map("servicea", map(
                "image", "example:${USER}",
                "volumes", List.of("$FOO:/target"),
                "logging", map("driver", "${FOO}", "options", map("user", "$USER"))));
        Map<String, Object> expected = map("servicea", map(
                "image", "example:jenny",
                "volumes", List.of("bar:/target"),
                "logging", map("driver", "bar", "options", map("user", "jenny"))));
        assertEquals(expected, Interpolator.interpolate(in, LOOKUP));
    }

    @Test
    void whenKeysHoldVariables_thenKeysAreLeftAsTheyAre() {
        Map<String, Object> in = map("x-$FOO", map("${USER}", "$USER"));
        assertEquals(map("x-$FOO", map("${USER}", "jenny")), Interpolator.interpolate(in, LOOKUP));
    }

    @Test
    void whenValuesAreNotStrings_thenTheyAreCopiedUnchanged() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("n", 3L);
        in.put("d", 1.5);
        in.put("b", true);
        in.put("z", null);
        in.put("l", Arrays.asList(1L, null, "$FOO"));
        Map<String, Object> out = Interpolator.interpolate(in, LOOKUP);
        Map<String, Object> expected = new LinkedHashMap<>(in);
        expected.put("l", Arrays.asList(1L, null, "bar"));
        assertEquals(expected, out);
        assertEquals(List.of("n", "d", "b", "z", "l"), new ArrayList<>(out.keySet()));
    }

    @Test
    void whenTreeIsInterpolated_thenInputIsNotModified() {
        Map<String, Object> inner = new HashMap<>(Map.of("image", "$FOO"));
        Map<String, Object> in = map("services", map("web", inner));
        Interpolator.interpolate(in, LOOKUP);
        assertEquals("$FOO", inner.get("image"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "{{{ ${FOO:?foo_} }}}                   | foo_",
            "{{{ ${FOO:?foo-bar-value} }}}          | foo-bar-value",
            "{{{ ${FOO:?foo} ${BAR:-DEFAULT_VALUE} }}} | foo",
            "${FOO:?foo} ${BAR:?bar}                | foo",
            "${FOO:?baz} }}}                        | baz",
            "${FOO?baz} }}}                         | baz",
    })
    void whenRequiredVariableIsMissing_thenErrorCarriesThePathAndComposeGoMessage(String value, String reason) {
        Map<String, Object> in = map("myservice", map("environment", map("TESTVAR", value)));
        InterpolationException e = assertThrows(InterpolationException.class,
                () -> Interpolator.interpolate(in, name -> null));
        assertEquals(List.of("myservice", "environment", "TESTVAR"), e.path());
        assertEquals("FOO", e.variable());
        assertEquals("required variable FOO is missing a value: " + reason, e.getMessage());
        assertEquals("error while interpolating myservice.environment.TESTVAR: required variable FOO is missing a "
                + "value: " + reason, e.composeGoMessage());
    }

    @Test
    void whenTemplateIsInvalid_thenComposeGoMessageAsksToEscapeTheDollar() {
        Map<String, Object> in = map("servicea", map("image", "${"));
        InterpolationException e = assertThrows(InterpolationException.class,
                () -> Interpolator.interpolate(in, LOOKUP));
        assertEquals(List.of("servicea", "image"), e.path());
        assertEquals("Invalid template: \"${\"", e.getMessage());
        assertEquals("invalid interpolation format for servicea.image.\nYou may need to escape any $ with another $."
                + "\n${", e.composeGoMessage());
    }

    @Test
    void whenFailingValueIsInAList_thenPathHoldsItsIndex() {
        Map<String, Object> in = map("services", map("web", map("command", List.of("ok", "${ bad}"))));
        InterpolationException e = assertThrows(InterpolationException.class,
                () -> Interpolator.interpolate(in, LOOKUP));
        assertEquals(List.of("services", "web", "command", 1), e.path());
        assertInstanceOf(Integer.class, e.path().get(3));
    }

    @Test
    void whenSeveralValuesFail_thenTheFirstInDocumentOrderIsReported() {
        Map<String, Object> in = map("a", "${A:?first}", "b", "${B:?second}");
        InterpolationException e = assertThrows(InterpolationException.class,
                () -> Interpolator.interpolate(in, name -> null));
        assertEquals(List.of("a"), e.path());
    }

    @Test
    void whenCustomCastsAreGiven_thenMatchingPathsAreCast() {
        Map<String, Object> in = map("foo", map("replicas", "$count", "required", "$REQUIRED"));
        TypeCasts casts = TypeCasts.none()
                .with("*.replicas", (v, w) -> Long.parseLong(v))
                .with("*.required", TypeCasts::toBoolean);
        assertEquals(map("foo", map("replicas", 5L, "required", true)),
                Interpolator.interpolate(in, LOOKUP, w -> { }, casts));
    }

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "services.web.cpu_count                                 | 2       | 2",
            "services.web.cpu_percent                               | 50.5    | 50.5",
            "services.web.cpu_period                                | 100000  | 100000",
            "services.web.cpu_quota                                 | -1      | -1",
            "services.web.cpu_rt_period                             | 1       | 1",
            "services.web.cpu_rt_runtime                            | 1       | 1",
            "services.web.cpus                                      | 0.1     | 0.1",
            "services.web.cpu_shares                                | 512     | 512",
            "services.web.init                                      | true    | true",
            "services.web.depends_on.db.required                    | false   | false",
            "services.web.depends_on.db.restart                     | TRUE    | true",
            "services.web.deploy.replicas                           | +3      | 3",
            "services.web.deploy.update_config.parallelism          | 2       | 2",
            "services.web.deploy.update_config.max_failure_ratio    | 0.5     | 0.5",
            "services.web.deploy.rollback_config.parallelism        | 2       | 2",
            "services.web.deploy.rollback_config.max_failure_ratio  | 1e-1    | 0.1",
            "services.web.deploy.restart_policy.max_attempts        | 4       | 4",
            "services.web.deploy.placement.max_replicas_per_node    | 1       | 1",
            "services.web.healthcheck.retries                       | 3       | 3",
            "services.web.healthcheck.disable                       | False   | false",
            "services.web.oom_kill_disable                          | true    | true",
            "services.web.oom_score_adj                             | -500    | -500",
            "services.web.pids_limit                                | 100     | 100",
            "services.web.ports.0.target                            | 80      | 80",
            "services.web.privileged                                | true    | true",
            "services.web.read_only                                 | true    | true",
            "services.web.scale                                     | 2       | 2",
            "services.web.stdin_open                                | true    | true",
            "services.web.tty                                       | true    | true",
            "services.web.ulimits.nproc                             | 65535   | 65535",
            "services.web.ulimits.nofile.hard                       | 40000   | 40000",
            "services.web.ulimits.nofile.soft                       | 20000   | 20000",
            "services.web.volumes.0.read_only                       | true    | true",
            "services.web.volumes.0.volume.nocopy                   | true    | true",
            "networks.front.external                                | true    | true",
            "networks.front.internal                                | true    | true",
            "networks.front.attachable                              | true    | true",
            "networks.front.enable_ipv4                             | true    | true",
            "networks.front.enable_ipv6                             | true    | true",
            "volumes.data.external                                  | true    | true",
            "secrets.token.external                                 | true    | true",
            "configs.conf.external                                  | true    | true",
    })
    void whenStringIsAtATypedPath_thenItIsCastAsComposeGoDoes(String dotted, String text, String expected) {
        Map<String, Object> in = tree(dotted.split("\\."), "${V}");
        Object value = at(Interpolator.interpolate(in, Map.of("V", text)::get), dotted.split("\\."));
        assertEquals(expected, String.valueOf(value));
        Class<?> type = expected.equals("true") || expected.equals("false") ? Boolean.class
                : expected.contains(".") ? Double.class : Long.class;
        assertEquals(type, value.getClass());
    }

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "services.web.ports.0.published  | 8080",
            "services.web.environment.TTY    | true",
            "services.web.ports.0            | 80",
            "services.web.tty.extra          | true",
            "x-tty                           | true",
            "services.web.ulimits.nofile.max | 1",
    })
    void whenStringIsAtAnUntypedPath_thenItStaysAString(String dotted, String text) {
        Map<String, Object> in = tree(dotted.split("\\."), text);
        assertEquals(text, at(Interpolator.interpolate(in, LOOKUP), dotted.split("\\.")));
    }

    @Test
    void whenTypedPathAlreadyHoldsANonString_thenItIsNotCast() {
        assertEquals(service("privileged", 1L), Interpolator.interpolate(service("privileged", 1L), LOOKUP));
        assertEquals(service("scale", 2.5), Interpolator.interpolate(service("scale", 2.5), LOOKUP));
    }

    @Test
    void whenLiteralStringIsAtATypedPath_thenItIsCastEvenWithoutVariables() {
        assertEquals(service("privileged", true), Interpolator.interpolate(service("privileged", "yes"), LOOKUP));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "y | true", "Y | true", "yes | true", "YES | true", "Yes | true", "on | true", "On | true", "ON | true",
            "n | false", "N | false", "no | false", "NO | false", "off | false", "Off | false", "OFF | false",
    })
    void whenBooleanIsAYaml11Word_thenItIsAcceptedWithComposeGoWarning(String word, boolean expected) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> out = Interpolator.interpolate(service("tty", word), LOOKUP, warnings::add);
        assertEquals(service("tty", expected), out);
        assertEquals(List.of("\"" + word + "\" for boolean is not supported by YAML 1.2, please use `" + expected
                + "`"), warnings);
    }

    @Test
    void whenBooleanIsTrueOrFalseInAnyCase_thenNoWarning() {
        List<String> warnings = new ArrayList<>();
        Interpolator.interpolate(service("tty", "tRuE"), LOOKUP, warnings::add);
        assertEquals(List.of(), warnings);
    }

    @Test
    void whenUnsetVariableDefaultsToBlank_thenComposeGoWarningIsEmitted() {
        List<String> warnings = new ArrayList<>();
        Interpolator.interpolate(service("image", "nginx:${TAG}"), LOOKUP, warnings::add);
        assertEquals(List.of("The \"TAG\" variable is not set. Defaulting to a blank string."), warnings);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "privileged           | xyz     | invalid boolean: xyz",
            "privileged           | ''      | 'invalid boolean: '",
            "privileged           | 1       | invalid boolean: 1",
            "scale                | abc     | strconv.Atoi: parsing \"abc\": invalid syntax",
            "scale                | ''      | strconv.Atoi: parsing \"\": invalid syntax",
            "scale                | 1.5     | strconv.Atoi: parsing \"1.5\": invalid syntax",
            "scale                | ' 1'    | strconv.Atoi: parsing \" 1\": invalid syntax",
            "scale                | 9223372036854775808 | strconv.Atoi: parsing \"9223372036854775808\": value out of range",
            "pids_limit           | 1_000   | strconv.ParseInt: parsing \"1_000\": invalid syntax",
            "cpu_percent          | 1.0d    | strconv.ParseFloat: parsing \"1.0d\": invalid syntax",
            "cpu_percent          | 1e400   | strconv.ParseFloat: parsing \"1e400\": value out of range",
            "cpus                 | 1e39    | strconv.ParseFloat: parsing \"1e39\": value out of range",
    })
    void whenCastFails_thenMessageIsComposeGos(String field, String text, String why) {
        InterpolationException e = assertThrows(InterpolationException.class,
                () -> Interpolator.interpolate(service(field, "$V"), Map.of("V", text)::get));
        assertEquals(InterpolationException.Kind.CAST_FAILED, e.kind());
        assertEquals(List.of("services", "web", field), e.path());
        assertEquals("failed to cast to expected type: " + why, e.getMessage());
        assertEquals("error while interpolating services.web." + field + ": failed to cast to expected type: " + why,
                e.composeGoMessage());
    }

    @Test
    void whenCastFailsInAList_thenComposeGoMessageShowsTheListAsBrackets() {
        Map<String, Object> in = service("ports", List.of(map("target", "http")));
        InterpolationException e = assertThrows(InterpolationException.class,
                () -> Interpolator.interpolate(in, LOOKUP));
        assertEquals(List.of("services", "web", "ports", 0, "target"), e.path());
        assertEquals("error while interpolating services.web.ports.[].target: failed to cast to expected type: "
                + "strconv.Atoi: parsing \"http\": invalid syntax", e.composeGoMessage());
    }

    /** A tree holding {@code leaf} at a dotted path; numeric segments become list positions. */
    private static Map<String, Object> tree(String[] path, Object leaf) {
        Object node = leaf;
        for (int i = path.length - 1; i > 0; i--) {
            node = path[i].matches("\\d+") ? List.of(node) : map(path[i], node);
        }
        return map(path[0], node);
    }

    private static Object at(Object tree, String[] path) {
        Object node = tree;
        for (String segment : path) {
            node = node instanceof List<?> l ? l.get(Integer.parseInt(segment)) : ((Map<?, ?>) node).get(segment);
        }
        return node;
    }
}
