package io.berth.scheduler.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    @TempDir
    Path dir;

    @Test
    void whenANewerVersionIsStored_thenItSurvivesReopening() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            store.store("nodes", "a", new Versioned(1, "{\"version\":1}"));
            store.store("nodes", "a", new Versioned(2, "{\"version\":2}"));
        }
        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            assertEquals(new Versioned(2, "{\"version\":2}"), store.load("nodes", "a").orElseThrow());
            assertEquals(List.of("a"), store.keys("nodes"));
        }
    }

    @Test
    void whenAStaleVersionIsWritten_thenTheStoreRefusesItAndKeepsTheNewer() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            store.store("containers", "c", new Versioned(3, "{\"version\":3,\"x\":\"new\"}"));
            assertThrows(StaleWriteException.class,
                    () -> store.store("containers", "c", new Versioned(2, "{\"version\":2,\"x\":\"old\"}")));
            assertThrows(StaleWriteException.class,
                    () -> store.store("containers", "c", new Versioned(3, "{\"version\":3,\"x\":\"other\"}")));
            assertEquals(3, store.load("containers", "c").orElseThrow().version());
            assertTrue(store.load("containers", "c").orElseThrow().value().contains("new"));
        }
    }

    @Test
    void whenTheSameRecordIsWrittenTwice_thenTheReplayIsHarmless() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            Versioned record = new Versioned(1, "{\"version\":1}");
            store.store("nodes", "n", record);
            store.store("nodes", "n", record);
            store.delete("nodes", "n");
            assertTrue(store.load("nodes", "n").isEmpty());
        }
    }

    @Test
    void mapsAreSeparateNamespaces() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            store.store("nodes", "k", new Versioned(1, "{\"version\":1}"));
            store.store("containers", "k", new Versioned(5, "{\"version\":5}"));
            assertEquals(1, store.load("nodes", "k").orElseThrow().version());
            assertEquals(5, store.load("containers", "k").orElseThrow().version());
        }
    }
}
