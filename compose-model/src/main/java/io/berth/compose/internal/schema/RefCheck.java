package io.berth.compose.internal.schema;

import java.util.List;

/**
 * {@code $ref}: validates the value against another schema of the same document. The target is linked once,
 * after compilation, so that recursive references compile; draft 2020-12 also runs the node's other keywords.
 */
final class RefCheck implements Check {
    private final String target;
    private SchemaNode node;

    RefCheck(String target) {
        this.target = target;
    }

    String target() {
        return target;
    }

    void link(SchemaNode resolved) {
        if (node != null) {
            throw new IllegalStateException("$ref " + target + " is already linked");
        }
        node = resolved;
    }

    @Override
    public boolean check(Object value, JsonType type, Walk walk) {
        node.validate(value, walk);
        return true;
    }

    @Override
    public List<SchemaNode> sameValueSchemas() {
        return List.of(node);
    }
}
