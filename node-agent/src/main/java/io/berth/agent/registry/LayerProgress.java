package io.berth.agent.registry;

/**
 * One progress event for one blob: {@code id} is the 12-hex short digest Docker shows, {@code current} and
 * {@code total} are bytes (total -1 when unknown), {@code detail} the extra text some states carry (the
 * source repository of {@link ProgressState#MOUNTED}, the attempt of {@link ProgressState#RETRYING}).
 */
public record LayerProgress(String id, ProgressState state, long current, long total, String detail) {
    public static LayerProgress of(String id, ProgressState state, long current, long total) {
        return new LayerProgress(id, state, current, total, null);
    }

    /** The status text of Docker's progress JSON, e.g. {@code Downloading} or {@code Mounted from library/busybox}. */
    public String status() {
        return detail == null ? state.text() : state.text() + " " + detail;
    }
}
