package io.berth.scheduler.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.map.MapStore;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one Hazelcast map through to {@link SqliteStore}. Values are JSON objects whose top-level
 * {@code "version"} field is the record's version; the store refuses a write that is not newer, and the
 * exception reaches the caller of {@code IMap.put}, so nothing stale is ever acknowledged.
 */
public final class SqliteMapStore implements MapStore<String, String> {
    private final SqliteStore store;
    private final String map;
    private final ObjectMapper json;

    public SqliteMapStore(SqliteStore store, String map, ObjectMapper json) {
        this.store = store;
        this.map = map;
        this.json = json;
    }

    @Override
    public void store(String key, String value) {
        store.store(map, key, new Versioned(versionOf(key, value), value));
    }

    @Override
    public void storeAll(Map<String, String> entries) {
        entries.forEach(this::store);
    }

    @Override
    public void delete(String key) {
        store.delete(map, key);
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        keys.forEach(this::delete);
    }

    @Override
    public String load(String key) {
        return store.load(map, key).map(Versioned::value).orElse(null);
    }

    @Override
    public Map<String, String> loadAll(Collection<String> keys) {
        Map<String, String> result = new LinkedHashMap<>();
        store.loadAll(map, keys).forEach((k, v) -> result.put(k, v.value()));
        return result;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return store.keys(map);
    }

    private long versionOf(String key, String value) {
        try {
            JsonNode node = json.readTree(value);
            JsonNode version = node.get("version");
            if (version == null || !version.canConvertToLong()) {
                throw new IllegalArgumentException("record " + map + "/" + key + " has no numeric \"version\"");
            }
            return version.asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("record " + map + "/" + key + " is not JSON", e);
        }
    }
}
