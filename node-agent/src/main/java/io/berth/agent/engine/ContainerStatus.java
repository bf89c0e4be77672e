package io.berth.agent.engine;

/** Docker's container states, with the word {@code inspect} and {@code ps} print. */
public enum ContainerStatus {
    CREATED("created"),
    RUNNING("running"),
    PAUSED("paused"),
    RESTARTING("restarting"),
    REMOVING("removing"),
    EXITED("exited"),
    DEAD("dead");

    private final String word;

    ContainerStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Whether a process of the container exists (running, paused or about to be restarted). */
    public boolean isAlive() {
        return this == RUNNING || this == PAUSED;
    }
}
