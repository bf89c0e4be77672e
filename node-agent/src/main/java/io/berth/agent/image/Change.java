package io.berth.agent.image;

/** One line of {@code docker diff}: a path added, changed or deleted in a container (kinds as Docker's API numbers them). */
public record Change(Kind kind, String path) {
    /** Docker's change kinds: C = 0, A = 1, D = 2. */
    public enum Kind { C, A, D }

    @Override
    public String toString() {
        return kind + " " + path;
    }
}
