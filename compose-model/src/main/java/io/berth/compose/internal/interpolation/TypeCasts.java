package io.berth.compose.internal.interpolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Which fields become typed after interpolation, and how: compose-go's {@code interpolateTypeCastMapping}. A
 * pattern is a dotted path where {@code *} matches any one segment and {@code []} a list position;
 * {@link #compose()} holds compose-go's table. Casts run only on values that were strings in the file, so
 * {@code replicas: 2} stays as parsed and {@code replicas: "${N}"} becomes a number.
 *
 * <p>Numbers come out as {@link Long} and {@link Double}, the types our YAML reader gives unquoted scalars.
 * {@code cpus} is a float32 in compose-go; we round to float32 as it does and keep the {@link Double} of that
 * float's shortest decimal form, so {@code "0.1"} stays {@code 0.1} and not {@code 0.10000000149011612}.
 */
public final class TypeCasts {
    /** Turns an interpolated string into a typed value, or throws {@link InterpolationException}. */
    @FunctionalInterface
    public interface Cast {
        /**
         * @param warnings receives compose-go's deprecation warnings ({@code "yes" for boolean...})
         */
        Object apply(String value, Consumer<String> warnings);
    }

    private record Rule(String[] pattern, Cast cast) {
    }

    private static final TypeCasts NONE = new TypeCasts(List.of());
    private static final TypeCasts COMPOSE = composeTable();

    private final List<Rule> rules;

    private TypeCasts(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** compose-go's table, in its order. */
    public static TypeCasts compose() {
        return COMPOSE;
    }

    /** No casts at all: every value stays a string. */
    public static TypeCasts none() {
        return NONE;
    }

    /** These casts plus one more; the first rule that matches a path wins. */
    public TypeCasts with(String pattern, Cast cast) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(new Rule(pattern.split("\\.", -1), cast));
        return new TypeCasts(more);
    }

    /** The cast for a path of map keys ({@code String}) and list positions ({@code Integer}), or null. */
    public Cast forPath(List<Object> path) {
        for (Rule rule : rules) {
            if (matches(rule.pattern(), path)) {
                return rule.cast();
            }
        }
        return null;
    }

    private static boolean matches(String[] pattern, List<Object> path) {
        if (pattern.length != path.size()) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            Object segment = path.get(i);
            // compose-go names every list position "[]", so "*" matches it and "[]" matches only it.
            String name = segment instanceof Integer ? "[]" : String.valueOf(segment);
            if (!p.equals("*") && !p.equals(name)) {
                return false;
            }
        }
        return true;
    }

    private static TypeCasts composeTable() {
        Cast toInt = (v, w) -> number(() -> GoStrconv.atoi(v));
        Cast toInt64 = (v, w) -> number(() -> GoStrconv.parseInt64(v));
        Cast toFloat = (v, w) -> number(() -> GoStrconv.parseFloat64(v));
        Cast toFloat32 = (v, w) -> number(() -> Double.parseDouble(Float.toString(GoStrconv.parseFloat32(v))));
        Cast toBoolean = TypeCasts::toBoolean;
        String s = "services.*.";
        return NONE
                .with(s + "cpu_count", toInt64)
                .with(s + "cpu_percent", toFloat)
                .with(s + "cpu_period", toInt64)
                .with(s + "cpu_quota", toInt64)
                .with(s + "cpu_rt_period", toInt64)
                .with(s + "cpu_rt_runtime", toInt64)
                .with(s + "cpus", toFloat32)
                .with(s + "cpu_shares", toInt64)
                .with(s + "init", toBoolean)
                .with(s + "depends_on.*.required", toBoolean)
                .with(s + "depends_on.*.restart", toBoolean)
                .with(s + "deploy.replicas", toInt)
                .with(s + "deploy.update_config.parallelism", toInt)
                .with(s + "deploy.update_config.max_failure_ratio", toFloat)
                .with(s + "deploy.rollback_config.parallelism", toInt)
                .with(s + "deploy.rollback_config.max_failure_ratio", toFloat)
                .with(s + "deploy.restart_policy.max_attempts", toInt)
                .with(s + "deploy.placement.max_replicas_per_node", toInt)
                .with(s + "healthcheck.retries", toInt)
                .with(s + "healthcheck.disable", toBoolean)
                .with(s + "oom_kill_disable", toBoolean)
                .with(s + "oom_score_adj", toInt64)
                .with(s + "pids_limit", toInt64)
                .with(s + "ports.[].target", toInt)
                .with(s + "privileged", toBoolean)
                .with(s + "read_only", toBoolean)
                .with(s + "scale", toInt)
                .with(s + "stdin_open", toBoolean)
                .with(s + "tty", toBoolean)
                .with(s + "ulimits.*", toInt)
                .with(s + "ulimits.*.hard", toInt)
                .with(s + "ulimits.*.soft", toInt)
                .with(s + "volumes.[].read_only", toBoolean)
                .with(s + "volumes.[].volume.nocopy", toBoolean)
                .with("networks.*.external", toBoolean)
                .with("networks.*.internal", toBoolean)
                .with("networks.*.attachable", toBoolean)
                .with("networks.*.enable_ipv4", toBoolean)
                .with("networks.*.enable_ipv6", toBoolean)
                .with("volumes.*.external", toBoolean)
                .with("secrets.*.external", toBoolean)
                .with("configs.*.external", toBoolean);
    }

    /**
     * compose-go's {@code toBoolean}: case-insensitive {@code true}/{@code false}, and the YAML 1.1 words
     * {@code y yes on} / {@code n no off} with a warning. Anything else, the empty string included, fails.
     */
    static Object toBoolean(String value, Consumer<String> warnings) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "y", "yes", "on":
                warnings.accept(GoSyntax.quote(value) + " for boolean is not supported by YAML 1.2, please use `true`");
                return Boolean.TRUE;
            case "n", "no", "off":
                warnings.accept(GoSyntax.quote(value) + " for boolean is not supported by YAML 1.2, please use `false`");
                return Boolean.FALSE;
            default:
                throw InterpolationException.castFailed("invalid boolean: " + value, null);
        }
    }

    private interface NumberParser {
        Object parse();
    }

    private static Object number(NumberParser parser) {
        try {
            return parser.parse();
        } catch (NumberFormatException e) {
            throw InterpolationException.castFailed(e.getMessage(), e);
        }
    }
}
