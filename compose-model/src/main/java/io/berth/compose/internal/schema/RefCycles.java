package io.berth.compose.internal.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a schema in which {@code $ref} and {@code oneOf} lead back to the same schema without descending into
 * the document (such as {@code {"$ref": "#"}} at the root): validating it would never end. Checked once, when
 * compiling, so validation needs no cycle detection.
 */
final class RefCycles {
    private enum Mark { VISITING, DONE }

    private RefCycles() {
    }

    static void reject(Collection<SchemaNode> nodes) {
        Map<SchemaNode, Mark> marks = new HashMap<>();
        for (SchemaNode node : nodes) {
            visit(node, marks, new ArrayList<>());
        }
    }

    private static void visit(SchemaNode node, Map<SchemaNode, Mark> marks, List<SchemaNode> trail) {
        Mark mark = marks.get(node);
        if (mark == Mark.DONE) {
            return;
        }
        trail.add(node);
        if (mark == Mark.VISITING) {
            throw new IllegalArgumentException("schema at " + node.location()
                    + ": reference cycle that never descends into the document: " + trail);
        }
        marks.put(node, Mark.VISITING);
        for (Check check : node.checks()) {
            for (SchemaNode next : check.sameValueSchemas()) {
                visit(next, marks, trail);
            }
        }
        marks.put(node, Mark.DONE);
        trail.removeLast();
    }
}
