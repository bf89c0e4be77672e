package io.berth.agent.engine;

import io.berth.agent.engine.spec.CreateRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Docker's container lifecycle on one node. {@code ref} is a name, a full ID or a unique ID prefix. Every
 * method blocks (it forks the runtime, mounts, writes state): call it on a worker thread. Errors are {@code
 * BerthException}s naming the container: NOT_FOUND, ALREADY_EXISTS (name in use, naming the other container),
 * CONFLICT (removing a running container without force), INVALID_ARGUMENT (bad spec).
 */
public interface ContainerService {
    /** Creates a container (root file system, bundle, conmon waiting for start); nothing is left on failure. */
    Created create(String name, CreateRequest request);

    /** Starts it; false when it was running already. */
    boolean start(String ref);

    /** Stop signal, then SIGKILL after the timeout (null: the container's StopTimeout or 10 s); false when not running. */
    boolean stop(String ref, Duration timeout, String signal);

    void restart(String ref, Duration timeout, String signal);

    void kill(String ref, String signal);

    void pause(String ref);

    void unpause(String ref);

    /** Removes it; a running one only with {@code force}; {@code volumes} also removes its anonymous volumes. */
    void remove(String ref, boolean force, boolean volumes);

    void rename(String ref, String newName);

    ContainerView inspect(String ref, boolean size);

    List<ContainerView> list(boolean all, boolean size);

    /** Completes with the exit code when the condition holds: {@code not-running}, {@code next-exit}, {@code removed}. */
    CompletableFuture<Integer> await(String ref, String condition);

    /** Removes every stopped container matching the filter; returns the removed IDs. */
    List<String> prune(java.util.function.Predicate<ContainerView> filter);

    /** The record of a container, for callers that only need identity. */
    ContainerRecord resolve(String ref);

    /** What {@code create} returns: the ID and Docker's warnings. */
    record Created(String id, List<String> warnings) {
    }
}
