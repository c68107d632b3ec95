package dev.cameltiledb.emulator.data.cells;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.store.Database;

/**
 * Keeps each array's tables in step with the catalog: made the first time an array is used, renamed with the array
 * (its cells are kept under its id), made anew when an array of the same name is a different array (deleted and
 * created again) or an array without cells got another schema. The engine's own record of arrays is the table
 * {@code engine.arrays}; fragments are listed in {@code engine.fragments}.
 */
final class ArrayTables {

    private final Database database;
    private final ObjectMapper mapper = new ObjectMapper();
    /** By array id: the tables as last checked, and the schema JSON they were made for. */
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(ArrayTable table, JsonNode schema) {}

    ArrayTables(Database database) {
        this.database = database;
        try (Connection c = database.owner();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS engine.arrays (array_id VARCHAR(600) PRIMARY KEY,"
                    + " uri VARCHAR(2000) NOT NULL UNIQUE, schema_json CHARACTER LARGE OBJECT NOT NULL)");
            s.execute(
                    "CREATE TABLE IF NOT EXISTS engine.fragments (array_id VARCHAR(600) NOT NULL, seq BIGINT NOT NULL,"
                            + " ts BIGINT NOT NULL, cells BIGINT NOT NULL, name VARCHAR(200) NOT NULL,"
                            + " PRIMARY KEY (array_id, seq))");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the cells' records: " + e.getMessage(), e);
        }
    }

    /** The tables of the array as the catalog describes it now, made or brought in step first when needed. */
    ArrayTable ensure(ArrayEntry entry) {
        Known k = known.get(entry.id());
        if (k != null && k.table().uri().equals(entry.uri()) && k.schema().equals(entry.schema())) {
            return k.table();
        }
        synchronized (this) {
            try (Connection c = database.owner()) {
                c.setAutoCommit(false);
                ArrayTable table = sync(c, entry);
                c.commit();
                known.put(entry.id(), new Known(table, entry.schema()));
                return table;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot make the tables of " + entry.uri() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Drops an array's cells and fragments (the array was deleted). */
    synchronized void drop(String arrayId) {
        try (Connection c = database.owner()) {
            c.setAutoCommit(false);
            String uri = uriOf(c, arrayId);
            if (uri != null) {
                dropTables(c, ArrayTable.of(arrayId, uri, null));
            }
            c.commit();
            known.remove(arrayId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the cells of array " + arrayId + ": " + e.getMessage(), e);
        }
    }

    private ArrayTable sync(Connection c, ArrayEntry entry) throws SQLException {
        CellSchema schema = CellSchema.of(entry.uri(), entry.schema());
        ArrayTable wanted = ArrayTable.of(entry.id(), entry.uri(), schema);
        // another array under this URI: the array of that name was deleted and made again
        String holder = idAt(c, entry.uri());
        if (holder != null && !holder.equals(entry.id())) {
            dropTables(c, ArrayTable.of(holder, entry.uri(), null));
        }
        String storedUri = uriOf(c, entry.id());
        if (storedUri == null) {
            create(c, wanted, entry.schema());
            return wanted;
        }
        if (!storedUri.equals(entry.uri())) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE public." + Database.quote(storedUri) + " RENAME TO "
                        + Database.quote(entry.uri()));
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE engine.arrays SET uri = ? WHERE array_id = ?")) {
                p.setString(1, entry.uri());
                p.setString(2, entry.id());
                p.executeUpdate();
            }
        }
        if (!storedSchema(c, entry.id()).equals(entry.schema())) {
            if (hasFragments(c, entry.id())) {
                CellSchema stored = CellSchema.of(entry.uri(), storedSchema(c, entry.id()));
                if (!sameColumns(stored, schema)) {
                    throw EngineException.conflict(entry.uri() + " has cells written under another schema; the emulator"
                            + " does not evolve the schema of an array that holds cells");
                }
                updateSchema(c, entry);
            } else {
                dropTables(c, wanted);
                create(c, wanted, entry.schema());
            }
        }
        return wanted;
    }

    private static boolean sameColumns(CellSchema a, CellSchema b) {
        if (a.fields().size() != b.fields().size() || a.allowsDuplicates() != b.allowsDuplicates()) {
            return false;
        }
        for (int i = 0; i < a.fields().size(); i++) {
            CellField x = a.fields().get(i);
            CellField y = b.fields().get(i);
            if (!x.name().equals(y.name()) || x.type() != y.type() || x.nullable() != y.nullable()) {
                return false;
            }
        }
        return true;
    }

    private void create(Connection c, ArrayTable t, JsonNode schemaJson) throws SQLException {
        CellSchema schema = t.schema();
        String dims = t.dimensionColumns();
        try (Statement s = c.createStatement()) {
            if (schema.allowsDuplicates()) {
                s.execute("CREATE TABLE " + t.current() + " (" + t.columnDefinitions(true) + ")");
                s.execute("CREATE INDEX " + Database.quote("cells:" + t.arrayId()) + " ON " + t.current() + " (" + dims
                        + ")");
            } else {
                s.execute("CREATE TABLE " + t.current() + " (" + t.columnDefinitions(true) + ", PRIMARY KEY (" + dims
                        + "))");
                s.execute("CREATE TABLE " + t.history() + " (" + t.columnDefinitions(false) + ")");
                s.execute("CREATE INDEX " + Database.quote("history:" + t.arrayId()) + " ON " + t.history() + " ("
                        + dims + ")");
                s.execute("CREATE TABLE " + t.staging() + " (" + t.columnDefinitions(false) + ", PRIMARY KEY (" + dims
                        + "))");
            }
        }
        try (PreparedStatement p =
                c.prepareStatement("INSERT INTO engine.arrays (array_id, uri, schema_json) VALUES (?, ?, ?)")) {
            p.setString(1, t.arrayId());
            p.setString(2, t.uri());
            p.setString(3, json(schemaJson));
            p.executeUpdate();
        }
    }

    private void updateSchema(Connection c, ArrayEntry entry) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE engine.arrays SET schema_json = ? WHERE array_id = ?")) {
            p.setString(1, json(entry.schema()));
            p.setString(2, entry.id());
            p.executeUpdate();
        }
    }

    private static void dropTables(Connection c, ArrayTable t) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + t.current());
            s.execute("DROP TABLE IF EXISTS " + t.history());
            s.execute("DROP TABLE IF EXISTS " + t.staging());
        }
        for (String table : new String[] {"engine.fragments", "engine.arrays"}) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE array_id = ?")) {
                p.setString(1, t.arrayId());
                p.executeUpdate();
            }
        }
    }

    private static String idAt(Connection c, String uri) throws SQLException {
        return one(c, "SELECT array_id FROM engine.arrays WHERE uri = ?", uri);
    }

    private static String uriOf(Connection c, String arrayId) throws SQLException {
        return one(c, "SELECT uri FROM engine.arrays WHERE array_id = ?", arrayId);
    }

    private JsonNode storedSchema(Connection c, String arrayId) throws SQLException {
        try {
            return mapper.readTree(one(c, "SELECT schema_json FROM engine.arrays WHERE array_id = ?", arrayId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored schema of array " + arrayId + " is not JSON", e);
        }
    }

    private static boolean hasFragments(Connection c, String arrayId) throws SQLException {
        return one(c, "SELECT array_id FROM engine.fragments WHERE array_id = ? LIMIT 1", arrayId) != null;
    }

    private static String one(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, parameter);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
