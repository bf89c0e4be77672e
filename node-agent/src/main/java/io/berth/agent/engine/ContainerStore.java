package io.berth.agent.engine;

import java.util.List;
import java.util.Optional;

/**
 * Where container records live. In berthd this is a Hazelcast map written through to SQLite (the scheduler
 * module implements it); tests use an in-memory one. Writes are compare-and-set: {@code replace} and {@code
 * remove} fail with a CONFLICT {@code BerthException} when the record changed since it was read.
 */
public interface ContainerStore {
    Optional<ContainerRecord> get(String id);

    List<ContainerRecord> list();

    void create(ContainerRecord record);

    void replace(ContainerRecord current, ContainerRecord next);

    void remove(ContainerRecord current);
}
