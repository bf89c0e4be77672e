package io.berth.scheduler.internal.state;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;

/** A write whose version is not newer than the stored one: someone else wrote first. */
public final class StaleWriteException extends BerthException {
    private static final long serialVersionUID = 1L;

    public StaleWriteException(String map, String key, long attempted, long stored) {
        super(ErrorCategory.CONFLICT, map + "/" + key, "stale write to " + map + "/" + key + ": version "
                + attempted + " is not newer than the stored version " + stored + " (someone else changed it: retry)");
    }
}
