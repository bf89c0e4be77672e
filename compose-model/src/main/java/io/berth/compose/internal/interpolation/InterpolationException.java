package io.berth.compose.internal.interpolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A value that cannot be interpolated: a malformed template, a required variable without a value, or a result
 * that cannot be cast to the type its field needs. {@link #getMessage()} names the variable and the problem in
 * compose-go's words and nothing else; the caller adds the file, line and field, which it knows and we do not.
 */
public final class InterpolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** <code>${ foo}</code>, <code>${}</code>, an unterminated <code>${foo</code>: the text is not a template. */
        INVALID_TEMPLATE,
        /** {@code ${FOO:?msg}} or {@code ${FOO?msg}} with FOO missing (or empty for {@code :?}). */
        MISSING_REQUIRED,
        /** The interpolated text is not a valid integer, number or boolean for its field. */
        CAST_FAILED
    }

    private final Kind kind;
    private final String variable;
    private final String template;
    private final transient List<Object> path;

    private InterpolationException(Kind kind, String variable, String template, List<Object> path, String message,
                                   Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.variable = variable;
        this.template = template;
        this.path = Collections.unmodifiableList(new ArrayList<>(path));
    }

    /** compose-go: {@code Invalid template: "<template>"}, quoted as Go's {@code %#v} does. */
    static InterpolationException invalidTemplate(String template) {
        return new InterpolationException(Kind.INVALID_TEMPLATE, null, template, List.of(),
                "Invalid template: " + GoSyntax.quote(template), null);
    }

    /** compose-go: {@code required variable FOO is missing a value[: reason]}. */
    static InterpolationException missingRequired(String variable, String reason) {
        String message = "required variable " + variable + " is missing a value";
        if (!reason.isEmpty()) {
            message += ": " + reason;
        }
        return new InterpolationException(Kind.MISSING_REQUIRED, variable, null, List.of(), message, null);
    }

    /** compose-go: {@code failed to cast to expected type: <why>}. */
    static InterpolationException castFailed(String why, Throwable cause) {
        return new InterpolationException(Kind.CAST_FAILED, null, null, List.of(),
                "failed to cast to expected type: " + why, cause);
    }

    /** The same error, located at a path of the compose tree. */
    InterpolationException at(List<Object> where) {
        InterpolationException located = new InterpolationException(kind, variable, template, where, getMessage(),
                getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }

    public Kind kind() {
        return kind;
    }

    /** The required variable that has no value; null unless {@link Kind#MISSING_REQUIRED}. */
    public String variable() {
        return variable;
    }

    /**
     * The template compose-go blames; null unless {@link Kind#INVALID_TEMPLATE}. Like compose-go, this is the
     * innermost text being substituted: for {@code ${A:-${ b}}} with A unset it is {@code ${ b}}.
     */
    public String template() {
        return template;
    }

    /**
     * Where in the tree the failing value is: map keys as {@code String}, list positions as {@code Integer}.
     * Empty when thrown by {@link Template} directly.
     */
    public List<Object> path() {
        return path;
    }

    /**
     * The whole message compose-go prints, path included, for output that must read like Docker Compose's. As in
     * compose-go, list positions are rendered {@code []}: {@code services.web.ports.[].target}.
     */
    public String composeGoMessage() {
        StringBuilder dotted = new StringBuilder();
        for (Object segment : path) {
            if (!dotted.isEmpty()) {
                dotted.append('.');
            }
            dotted.append(segment instanceof Integer ? "[]" : segment);
        }
        if (kind == Kind.INVALID_TEMPLATE) {
            return "invalid interpolation format for " + dotted
                    + ".\nYou may need to escape any $ with another $.\n" + template;
        }
        return "error while interpolating " + dotted + ": " + getMessage();
    }
}
