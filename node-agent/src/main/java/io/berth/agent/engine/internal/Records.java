package io.berth.agent.engine.internal;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerStore;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Lookups and compare-and-set updates of container records: by full ID, by name, by unique ID prefix (Docker's
 * rules and messages), and {@link #update} which re-reads and retries when someone else changed the record.
 */
final class Records {
    private final ContainerStore store;

    Records(ContainerStore store) {
        this.store = store;
    }

    ContainerStore store() {
        return store;
    }

    ContainerRecord resolve(String ref) {
        return find(ref).orElseThrow(() -> new BerthException(ErrorCategory.NOT_FOUND, ref,
                "No such container: " + ref));
    }

    Optional<ContainerRecord> find(String ref) {
        if (ref == null || ref.isEmpty()) {
            return Optional.empty();
        }
        String name = ref.startsWith("/") ? ref.substring(1) : ref;
        if (ref.length() == 64) {
            Optional<ContainerRecord> byId = store.get(ref);
            if (byId.isPresent()) {
                return byId;
            }
        }
        List<ContainerRecord> all = store.list();
        for (ContainerRecord record : all) {
            if (record.name().equals(name)) {
                return Optional.of(record);
            }
        }
        List<ContainerRecord> prefixed = all.stream().filter(r -> r.id().startsWith(ref)).toList();
        if (prefixed.size() > 1) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, ref, "multiple IDs found with provided prefix: "
                    + ref);
        }
        return prefixed.stream().findFirst();
    }

    Optional<ContainerRecord> byName(String name) {
        return store.list().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Newest first, as Docker lists. */
    List<ContainerRecord> all() {
        List<ContainerRecord> all = new ArrayList<>(store.list());
        all.sort(Comparator.comparing(ContainerRecord::created).reversed());
        return all;
    }

    /** Applies {@code change} to the current record, retrying on concurrent changes; returns the stored record. */
    ContainerRecord update(String id, UnaryOperator<ContainerRecord> change) {
        for (int attempt = 0; ; attempt++) {
            ContainerRecord current = store.get(id).orElseThrow(() -> new BerthException(ErrorCategory.NOT_FOUND, id,
                    "No such container: " + id));
            ContainerRecord changed = change.apply(current);
            if (changed == current || changed.equals(current)) {
                return current;
            }
            ContainerRecord next = changed.withVersion(current.version() + 1);
            try {
                store.replace(current, next);
                return next;
            } catch (BerthException e) {
                if (e.category() != ErrorCategory.CONFLICT || attempt >= 10) {
                    throw e;
                }
            }
        }
    }
}
