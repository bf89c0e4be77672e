package io.berth.scheduler.internal.engine;

import java.util.Map;

/**
 * Where a pull, push, import or load reports what it does, message by message, in the terms of Docker's
 * progress stream: a status with an optional layer id and byte counts, or an {@code aux} object. Implementations
 * are thread-safe (layers report from several threads) and do not throw; they may block while the client is slow.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void status(String id, String status, long current, long total) {
        }

        @Override
        public void aux(Map<String, Object> aux) {
        }
    };

    /**
     * One message: {@code id} null for a line of the whole operation ("Digest: sha256:…"), a layer's short id
     * otherwise; {@code total} < 0 when the message carries no byte counts.
     */
    void status(String id, String status, long current, long total);

    /** Docker's {@code aux} message (the pushed digest, for example). */
    void aux(Map<String, Object> aux);

    default void status(String status) {
        status(null, status, 0, -1);
    }
}
