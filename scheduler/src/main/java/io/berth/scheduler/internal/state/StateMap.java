package io.berth.scheduler.internal.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.map.IMap;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A typed view of one Hazelcast map of desired state, stored as JSON and written through to SQLite.
 * Every change is a compare-and-set on the whole record plus a version that must grow by one, so two writers
 * that read the same record cannot both win, and the durable store refuses anything stale.
 *
 * <p>Blocking (Hazelcast calls); use from worker threads.
 */
public final class StateMap<T> {
    private final IMap<String, String> map;
    private final Class<T> type;
    private final ObjectMapper json;
    private final ToLongFunction<T> version;

    public StateMap(IMap<String, String> map, Class<T> type, ObjectMapper json, ToLongFunction<T> version) {
        this.map = map;
        this.type = type;
        this.json = json;
        this.version = version;
    }

    public String name() {
        return map.getName();
    }

    public Optional<T> get(String key) {
        return Optional.ofNullable(map.get(key)).map(this::decode);
    }

    public List<T> values() {
        List<T> result = new ArrayList<>();
        for (String value : map.values()) {
            result.add(decode(value));
        }
        return result;
    }

    /** Stores a new record (version 1 expected); ALREADY_EXISTS when the key is taken. */
    public void create(String key, T record) {
        if (version.applyAsLong(record) != 1) {
            throw new IllegalArgumentException("a new record of " + name() + " starts at version 1");
        }
        if (map.putIfAbsent(key, encode(record)) != null) {
            throw new BerthException(ErrorCategory.ALREADY_EXISTS, key, name() + " " + key + " exists already");
        }
    }

    /** Replaces {@code current} by {@code next}; CONFLICT when someone else changed the record meanwhile. */
    public void replace(String key, T current, T next) {
        if (version.applyAsLong(next) != version.applyAsLong(current) + 1) {
            throw new IllegalArgumentException("the next version of " + name() + "/" + key + " must be "
                    + (version.applyAsLong(current) + 1));
        }
        if (!map.replace(key, encode(current), encode(next))) {
            throw new BerthException(ErrorCategory.CONFLICT, key, name() + " " + key
                    + " was changed by someone else meanwhile: retry");
        }
    }

    /** Removes the record if it is still {@code current}; CONFLICT otherwise. */
    public void remove(String key, T current) {
        if (!map.remove(key, encode(current))) {
            throw new BerthException(ErrorCategory.CONFLICT, key, name() + " " + key
                    + " was changed by someone else meanwhile: retry");
        }
    }

    private String encode(T record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a " + type.getSimpleName(), e);
        }
    }

    private T decode(String value) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new BerthException(ErrorCategory.INTERNAL, name(), "a stored " + type.getSimpleName()
                    + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
