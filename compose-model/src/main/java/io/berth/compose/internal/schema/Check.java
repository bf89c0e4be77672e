package io.berth.compose.internal.schema;

import java.util.List;

/**
 * One compiled keyword (or a few keywords that are checked together, such as {@code properties} and
 * {@code additionalProperties}). A {@link SchemaNode} runs its checks in the order jsonschema does, so that
 * violations come out in the same order and ties are broken the same way.
 */
interface Check {
    /**
     * Checks a value of the given type, reporting violations to the walk.
     *
     * @return false to stop the node's remaining checks (as a failed {@code type} or {@code enum} does)
     */
    boolean check(Object value, JsonType type, Walk walk);

    /** The schemas this check applies to the same value (not to a child): the edges of a {@code $ref} cycle. */
    default List<SchemaNode> sameValueSchemas() {
        return List.of();
    }
}
