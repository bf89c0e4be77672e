package io.berth.cli.format;

import java.util.List;
import java.util.Map;

/**
 * A value with computed fields for templates, like docker's formatter contexts ({@code .ID}, {@code .RunningFor},
 * {@code .Label "k"}). {@code {{json .}}} prints {@link #json()}.
 */
public interface TemplateObject {
    /** Marker for a field this object does not have. */
    Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    /** The field {@code name} called with {@code args} (empty for a plain field); {@link #MISSING} if unknown. */
    Object field(String name, List<Object> args);

    /** What {@code {{json .}}} prints: every field by name, in column order. */
    Map<String, Object> json();
}
