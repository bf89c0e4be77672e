package io.berth.compose.internal.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one validation: where in the document it is, and the violations found so far, in the order
 * compose-go's library would find them. Not thread-safe; one per {@link SchemaValidator#validate} call.
 *
 * <p>Violations sit in one flat list. A {@code oneOf} first probes its branches ({@link #passes}), which only
 * counts failures and allocates nothing; only when no branch holds does it run them again recording, marking
 * the list before each branch, and keep the violations of one branch ({@link #keepBest}).
 */
final class Walk {
    /** One violation and how specific it is: compose-go reports the most specific one. */
    record Found(List<Object> path, String message, int specificity) {
    }

    private final ArrayList<Object> path = new ArrayList<>(16);
    private final ArrayList<Found> found = new ArrayList<>();
    /** Above zero while only pass or fail matters (inside {@link #passes}): violations are counted, not kept. */
    private int probing;
    private int failures;

    void enter(Object token) {
        path.add(token);
    }

    void leave() {
        path.removeLast();
    }

    /** A violation at the current path; its specificity is the path's depth. */
    void report(String message) {
        if (probing > 0) {
            failures++;
        } else {
            found.add(new Found(List.copyOf(path), message, path.size()));
        }
    }

    /** True when a violation's message will not be kept, so a check need not build it: call {@link #fail}. */
    boolean probing() {
        return probing > 0;
    }

    /** A violation while {@link #probing}. */
    void fail() {
        failures++;
    }

    /** Whether the value is valid against the node, recording nothing. */
    boolean passes(SchemaNode node, Object value) {
        int before = failures;
        probing++;
        node.validate(value, this);
        probing--;
        boolean passed = failures == before;
        failures = before; // a failing branch is not a failure of the caller: the caller decides
        return passed;
    }

    /**
     * A violation about keys of the object at the current path: compose-go ranks it one deeper than the path,
     * as deep as an error inside one of the object's values.
     */
    void reportKeys(String message) {
        if (probing > 0) {
            failures++;
        } else {
            found.add(new Found(List.copyOf(path), message, path.size() + 1));
        }
    }

    int mark() {
        return found.size();
    }

    private void truncate(int size) {
        while (found.size() > size) {
            found.removeLast();
        }
    }

    /**
     * Of the branches whose violations start at {@code marks[0]}, {@code marks[1]}, … (each ending where the next
     * starts, the last at the end of the list), keeps the branch that holds the first most specific violation,
     * and drops the others. This is compose-go's choice: it reports the deepest leaf of the whole error tree.
     */
    void keepBest(int[] marks) {
        int start = marks[0];
        int best = start;
        for (int i = start + 1; i < found.size(); i++) {
            if (found.get(i).specificity() > found.get(best).specificity()) {
                best = i;
            }
        }
        int branch = 0;
        while (branch + 1 < marks.length && marks[branch + 1] <= best) {
            branch++;
        }
        int from = marks[branch];
        int to = branch + 1 < marks.length ? marks[branch + 1] : found.size();
        List<Found> kept = new ArrayList<>(found.subList(from, to));
        truncate(start);
        found.addAll(kept);
    }

    /** All violations, most specific first; among equally specific ones, in the order they were found. */
    List<SchemaViolation> violations() {
        int deepest = 0;
        for (Found f : found) {
            deepest = Math.max(deepest, f.specificity());
        }
        List<SchemaViolation> out = new ArrayList<>(found.size());
        for (int specificity = deepest; specificity >= 0 && out.size() < found.size(); specificity--) {
            for (Found f : found) {
                if (f.specificity() == specificity) {
                    out.add(new SchemaViolation(f.path(), f.message()));
                }
            }
        }
        return List.copyOf(out);
    }
}
