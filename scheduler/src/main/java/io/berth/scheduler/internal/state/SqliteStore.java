package io.berth.scheduler.internal.state;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable store under the Hazelcast maps: one SQLite file ({@code state.db}, WAL mode) holding every map's
 * records as {@code (map, key, version, value)}. A write succeeds only when it carries a version newer than
 * the stored one, so a replayed or stale write (a second leader after a split brain) changes nothing.
 *
 * <p>One connection, used under this object's lock: SQLite serializes writers anyway, and every call here is
 * short. Callers are Hazelcast's MapStore threads, never an event loop.
 */
public final class SqliteStore implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private SqliteStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static SqliteStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA busy_timeout=5000");
                statement.execute("CREATE TABLE IF NOT EXISTS records (map TEXT NOT NULL, key TEXT NOT NULL,"
                        + " version INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (map, key))");
            }
            return new SqliteStore(file, connection);
        } catch (SQLException | java.io.IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, file.toString(),
                    "cannot open the state database " + file + ": " + e.getMessage()
                            + " (check that the data root is writable and no other berthd uses it)", e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<Versioned> load(String map, String key) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, value FROM records WHERE map = ? AND key = ?")) {
            select.setString(1, map);
            select.setString(2, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Versioned(rows.getLong(1), rows.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read " + map + "/" + key, e);
        }
    }

    public synchronized Map<String, Versioned> loadAll(String map, Collection<String> keys) {
        Map<String, Versioned> result = new LinkedHashMap<>();
        for (String key : keys) {
            load(map, key).ifPresent(v -> result.put(key, v));
        }
        return result;
    }

    public synchronized List<String> keys(String map) {
        try (PreparedStatement select = connection.prepareStatement("SELECT key FROM records WHERE map = ?")) {
            select.setString(1, map);
            List<String> keys = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw failure("list " + map, e);
        }
    }

    /**
     * Stores the record when its version is newer than the stored one (or none is stored).
     *
     * @throws StaleWriteException when a record with the same or a newer version is already stored
     */
    public synchronized void store(String map, String key, Versioned record) {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO records (map, key, version, value) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (map, key) DO UPDATE SET version = excluded.version, value = excluded.value"
                        + " WHERE records.version < excluded.version")) {
            upsert.setString(1, map);
            upsert.setString(2, key);
            upsert.setLong(3, record.version());
            upsert.setString(4, record.value());
            if (upsert.executeUpdate() == 0) {
                long stored = load(map, key).map(Versioned::version).orElse(-1L);
                if (stored != record.version() || !load(map, key).map(Versioned::value).orElse("").equals(record.value())) {
                    throw new StaleWriteException(map, key, record.version(), stored);
                }
            }
        } catch (SQLException e) {
            throw failure("write " + map + "/" + key, e);
        }
    }

    public synchronized void delete(String map, String key) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM records WHERE map = ? AND key = ?")) {
            delete.setString(1, map);
            delete.setString(2, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete " + map + "/" + key, e);
        }
    }

    private BerthException failure(String what, SQLException e) {
        return new BerthException(ErrorCategory.INTERNAL, file.toString(),
                "state database " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
