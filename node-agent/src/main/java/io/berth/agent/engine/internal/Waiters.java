package io.berth.agent.engine.internal;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerStatus;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** {@code wait} callers: completed with the exit code on the next exit, or on removal. */
final class Waiters {
    private final Map<String, List<CompletableFuture<Integer>>> onExit = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<Integer>>> onRemove = new ConcurrentHashMap<>();

    CompletableFuture<Integer> register(ContainerRecord record, String condition) {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        switch (condition == null || condition.isEmpty() ? "not-running" : condition) {
            case "not-running" -> {
                ContainerStatus status = record.state().status();
                if (status == ContainerStatus.EXITED || status == ContainerStatus.CREATED
                        || status == ContainerStatus.DEAD) {
                    future.complete(record.state().exitCode());
                } else {
                    add(onExit, record.id(), future);
                }
            }
            case "next-exit" -> add(onExit, record.id(), future);
            case "removed" -> add(onRemove, record.id(), future);
            default -> throw new BerthException(ErrorCategory.INVALID_ARGUMENT, condition,
                    "invalid condition: \"" + condition + "\": use not-running, next-exit or removed");
        }
        return future;
    }

    void exited(String id, int code) {
        complete(onExit, id, code);
    }

    void removed(String id, int code) {
        complete(onExit, id, code);
        complete(onRemove, id, code);
    }

    private static void add(Map<String, List<CompletableFuture<Integer>>> map, String id, CompletableFuture<Integer> f) {
        map.compute(id, (k, list) -> {
            List<CompletableFuture<Integer>> futures = list == null ? new ArrayList<>() : list;
            futures.add(f);
            return futures;
        });
    }

    private static void complete(Map<String, List<CompletableFuture<Integer>>> map, String id, int code) {
        List<CompletableFuture<Integer>> futures = map.remove(id);
        if (futures != null) {
            futures.forEach(f -> f.complete(code));
        }
    }
}
