package io.berth.agent.engine.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per container so that start, stop, exit handling and removal of the same container never interleave,
 * while different containers proceed in parallel; and one lock for the name table.
 */
final class ContainerLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Object names = new Object();

    Object names() {
        return names;
    }

    <T> T with(String id, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void forget(String id) {
        locks.remove(id);
    }
}
