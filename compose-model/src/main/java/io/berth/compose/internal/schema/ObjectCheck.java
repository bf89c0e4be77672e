package io.berth.compose.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code required}, {@code properties}, {@code patternProperties} and {@code additionalProperties}, which
 * depend on one another and so are checked together, in jsonschema's order: missing keys first, then each key
 * in document order (named schema, then every matching pattern's, else the additional schema), then one
 * violation naming all the keys that are not allowed.
 */
final class ObjectCheck implements Check {
    /** What {@code additionalProperties} says about a key that no other keyword covers. */
    sealed interface Additional {
        /** {@code additionalProperties} absent or {@code true}. */
        record Allowed() implements Additional {
        }

        /** {@code additionalProperties: false}. */
        record Forbidden() implements Additional {
        }

        record Schema(SchemaNode node) implements Additional {
        }
    }

    private final List<String> required;
    private final Map<String, SchemaNode> properties;
    private final KeyPattern[] patterns;
    private final SchemaNode[] patternSchemas;
    private final Additional additional;

    ObjectCheck(List<String> required, Map<String, SchemaNode> properties, Map<KeyPattern, SchemaNode> patterns,
            Additional additional) {
        this.required = List.copyOf(required);
        this.properties = Map.copyOf(properties);
        this.patterns = patterns.keySet().toArray(new KeyPattern[0]);
        this.patternSchemas = patterns.values().toArray(new SchemaNode[0]);
        this.additional = additional;
    }

    @Override
    public boolean check(Object value, JsonType type, Walk walk) {
        if (type != JsonType.OBJECT) {
            return true;
        }
        Map<?, ?> object = (Map<?, ?>) value;
        checkRequired(object, walk);
        List<String> notAllowed = null;
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!checkKnown(key, entry.getValue(), walk)) {
                if (additional instanceof Additional.Schema(SchemaNode node)) {
                    validateChild(node, key, entry.getValue(), walk);
                } else if (additional instanceof Additional.Forbidden) {
                    if (notAllowed == null) {
                        notAllowed = new ArrayList<>(2);
                    }
                    notAllowed.add(key);
                }
            }
        }
        if (notAllowed != null) {
            walk.reportKeys(walk.probing() ? "" : Messages.additional(notAllowed));
        }
        return true;
    }

    private void checkRequired(Map<?, ?> object, Walk walk) {
        List<String> missing = null;
        for (String name : required) {
            if (!object.containsKey(name)) {
                if (missing == null) {
                    missing = new ArrayList<>(2);
                }
                missing.add(name);
            }
        }
        if (missing != null) {
            walk.report(walk.probing() ? "" : Messages.missing(missing));
        }
    }

    /** Validates a key against {@code properties} and {@code patternProperties}; false if neither covers it. */
    private boolean checkKnown(String key, Object value, Walk walk) {
        boolean known = false;
        SchemaNode named = properties.get(key);
        if (named != null) {
            known = true;
            validateChild(named, key, value, walk);
        }
        for (int i = 0; i < patterns.length; i++) {
            if (patterns[i].matches(key)) {
                known = true;
                validateChild(patternSchemas[i], key, value, walk);
            }
        }
        return known;
    }

    private static void validateChild(SchemaNode node, String key, Object value, Walk walk) {
        if (node.acceptsEverything()) {
            return;
        }
        walk.enter(key);
        node.validate(value, walk);
        walk.leave();
    }
}
