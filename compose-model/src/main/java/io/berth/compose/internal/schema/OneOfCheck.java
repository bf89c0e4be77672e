package io.berth.compose.internal.schema;

import java.util.List;

/**
 * {@code oneOf}: exactly one branch must hold. Branches are first only probed ({@link Walk#passes}), so a
 * valid value costs no allocation here. When no branch holds, they run again, recording, and only the
 * violations of the branch that got furthest are kept (the one holding the most specific violation, the first
 * on ties), as compose-go reports the deepest leaf of jsonschema's error tree rather than every branch's
 * complaint.
 */
final class OneOfCheck implements Check {
    private final SchemaNode[] branches;

    OneOfCheck(List<SchemaNode> branches) {
        this.branches = branches.toArray(new SchemaNode[0]);
    }

    @Override
    public boolean check(Object value, JsonType type, Walk walk) {
        int matched = -1;
        for (int i = 0; i < branches.length; i++) {
            if (walk.passes(branches[i], value)) {
                if (matched >= 0) {
                    if (walk.probing()) {
                        walk.fail();
                    } else {
                        walk.report(Messages.oneOfMatchedTwice(matched, i));
                    }
                    return true;
                }
                matched = i;
            }
        }
        if (matched >= 0) {
            return true;
        }
        if (walk.probing()) {
            walk.fail();
            return true;
        }
        int[] marks = new int[branches.length]; // no branch holds: run them again, recording, and keep the best
        for (int i = 0; i < branches.length; i++) {
            marks[i] = walk.mark();
            branches[i].validate(value, walk);
        }
        walk.keepBest(marks);
        return true;
    }

    @Override
    public List<SchemaNode> sameValueSchemas() {
        return List.of(branches);
    }
}
