package io.berth.agent.engine;

import java.time.Duration;

/**
 * Durations as Docker prints them in {@code ps} and {@code images} ("Less than a second", "About a minute",
 * "3 hours"), and the STATUS column built from them.
 */
public final class HumanTime {
    private HumanTime() {
    }

    public static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toMinutes() / 60.0);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return hours / 24 / 365 + " years";
    }

    /** The STATUS column of {@code ps}: "Up 3 seconds (healthy)", "Exited (1) 2 minutes ago", "Created". */
    public static String status(ContainerState state, java.time.Instant now) {
        return switch (state.status()) {
            case CREATED -> "Created";
            case RUNNING, PAUSED -> "Up " + duration(Duration.between(java.time.Instant.parse(state.startedAt()), now))
                    + (state.status() == ContainerStatus.PAUSED ? " (Paused)" : health(state));
            case RESTARTING -> "Restarting (" + state.exitCode() + ") " + ago(state.finishedAt(), now);
            case REMOVING -> "Removal In Progress";
            case DEAD -> "Dead";
            case EXITED -> ContainerState.ZERO_TIME.equals(state.finishedAt()) ? "Created"
                    : "Exited (" + state.exitCode() + ") " + ago(state.finishedAt(), now);
        };
    }

    private static String health(ContainerState state) {
        if (state.health() == null) {
            return "";
        }
        return HealthState.STARTING.equals(state.health().status()) ? " (health: starting)"
                : " (" + state.health().status() + ")";
    }

    private static String ago(String time, java.time.Instant now) {
        return duration(Duration.between(java.time.Instant.parse(time), now)) + " ago";
    }
}
