package dev.cameltiledb.emulator.data.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's records (tasks, registered UDFs and task graphs, graph executions) kept as JSON documents of one kind
 * each, in the engine's database: persisted with the cells when there is a data directory. Callers keep their own
 * in-memory view and write each change through.
 */
public final class Documents {

    private final Database database;
    private final ObjectMapper mapper;

    public Documents(Database database, ObjectMapper mapper) {
        this.database = database;
        this.mapper = mapper;
        try (Connection c = database.owner();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS engine.documents (kind VARCHAR(40) NOT NULL, id VARCHAR(600) NOT NULL,"
                            + " body CHARACTER LARGE OBJECT NOT NULL, PRIMARY KEY (kind, id))");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the engine's records: " + e.getMessage(), e);
        }
    }

    /** Every document of a kind, by id, in insertion order of their ids. */
    public <T> Map<String, T> loadAll(String kind, Class<T> type) {
        Map<String, T> all = new LinkedHashMap<>();
        try (Connection c = database.owner();
                PreparedStatement p = c.prepareStatement("SELECT id, body FROM engine.documents WHERE kind = ?")) {
            p.setString(1, kind);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    all.put(r.getString(1), mapper.readValue(r.getString(2), type));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the engine's " + kind + " records: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + kind + " record is not readable", e);
        }
        return all;
    }

    public void put(String kind, String id, Object document) {
        try (Connection c = database.owner();
                PreparedStatement p = c.prepareStatement(
                        "MERGE INTO engine.documents (kind, id, body) KEY (kind, id) VALUES (?, ?, ?)")) {
            p.setString(1, kind);
            p.setString(2, id);
            p.setString(3, mapper.writeValueAsString(document));
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the " + kind + " record " + id + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String kind, String id) {
        try (Connection c = database.owner();
                PreparedStatement p = c.prepareStatement("DELETE FROM engine.documents WHERE kind = ? AND id = ?")) {
            p.setString(1, kind);
            p.setString(2, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the " + kind + " record " + id + ": " + e.getMessage(), e);
        }
    }
}
