package dev.cameltiledb.emulator.data.cells;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

import dev.cameltiledb.emulator.data.EngineException;

/**
 * Writes one fragment of an array in one transaction: nothing of it is visible until {@link #commit()}, and a writer
 * closed without commit leaves no trace. A cell that coordinates of an earlier fragment already hold replaces it in
 * the array's current table, and the replaced cell moves to the history table (time travel still reads it). A sparse
 * array that allows duplicates keeps every cell in its current table. Writes to one array are serialized.
 */
public final class FragmentWriter implements AutoCloseable {

    private static final int BATCH = 1000;

    private final ArrayTable table;
    private final long timestamp;
    private final Lock lock;
    private final Connection connection;
    private final long sequence;
    /** Straight into the current table: duplicates allowed, or nothing there yet to replace. */
    private final boolean direct;

    private final PreparedStatement insert;
    private final List<CellField> fields;
    private final CellRows rows;
    private long count;
    private int pending;
    private boolean committed;
    private boolean closed;

    FragmentWriter(ArrayTable table, CellRows rows, long timestamp, Lock lock, Connection connection) {
        this.table = table;
        this.rows = rows;
        this.timestamp = timestamp;
        this.lock = lock;
        this.connection = connection;
        this.fields = table.schema().fields();
        try {
            connection.setAutoCommit(false);
            this.sequence = nextSequence();
            this.direct = table.schema().allowsDuplicates() || isEmpty(table.current());
            String target = direct ? table.current() : table.staging();
            String marks = String.join(", ", Collections.nCopies(fields.size() + 2, "?"));
            this.insert = connection.prepareStatement(
                    "INSERT INTO " + target + " (" + table.allColumns() + ") VALUES (" + marks + ")");
        } catch (SQLException e) {
            close();
            throw failure(e);
        }
    }

    /**
     * Adds a cell: its values in the order of the fields the writer was opened with. A cell that does not fit the
     * schema fails the write (a 400 naming the field and the cell); close the writer then.
     */
    public void add(Object[] given) {
        Object[] row = rows.check(given, count);
        try {
            for (int i = 0; i < fields.size(); i++) {
                fields.get(i).type().bind(insert, i + 1, row[i]);
            }
            insert.setLong(fields.size() + 1, timestamp);
            insert.setLong(fields.size() + 2, sequence);
            insert.addBatch();
            count++;
            if (++pending == BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Makes the fragment visible, all of it at once. */
    public Fragment commit() {
        try {
            flush();
            if (!direct) {
                merge();
            }
            String name = "__" + timestamp + "_" + timestamp + "_"
                    + UUID.randomUUID().toString().replace("-", "") + "_22";
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO engine.fragments (array_id, seq, ts, cells, name) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, table.arrayId());
                p.setLong(2, sequence);
                p.setLong(3, timestamp);
                p.setLong(4, count);
                p.setString(5, name);
                p.executeUpdate();
            }
            connection.commit();
            committed = true;
            return new Fragment(sequence, timestamp, count, name);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    /**
     * Moves the staged fragment in: cells it replaces go to history; staged cells that a newer fragment (a later
     * timestamp) already holds go straight to history; the rest become current.
     */
    private void merge() throws SQLException {
        String cur = table.current();
        String hist = table.history();
        String stg = table.staging();
        String cols = table.allColumns();
        String sameAsStaged = "EXISTS (SELECT 1 FROM " + stg + " s WHERE " + table.sameCoordinates("s", "c") + ")";
        String sameAsCurrent = "EXISTS (SELECT 1 FROM " + cur + " c WHERE " + table.sameCoordinates("s", "c") + ")";
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO " + hist + " (" + cols + ") SELECT " + cols + " FROM " + cur
                    + " c WHERE c.\"__ts\" <= " + timestamp + " AND " + sameAsStaged);
            s.executeUpdate("DELETE FROM " + cur + " c WHERE c.\"__ts\" <= " + timestamp + " AND " + sameAsStaged);
            s.executeUpdate("INSERT INTO " + hist + " (" + cols + ") SELECT " + cols + " FROM " + stg + " s WHERE "
                    + sameAsCurrent);
            s.executeUpdate("INSERT INTO " + cur + " (" + cols + ") SELECT " + cols + " FROM " + stg + " s WHERE NOT "
                    + sameAsCurrent);
            s.executeUpdate("DELETE FROM " + stg);
        }
    }

    private long nextSequence() throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM engine.fragments WHERE array_id = ?")) {
            p.setString(1, table.arrayId());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private boolean isEmpty(String tableName) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT 1 FROM " + tableName + " LIMIT 1")) {
            return !r.next();
        }
    }

    private RuntimeException failure(SQLException e) {
        // 23505: unique index violated, i.e. two cells of the fragment at the same coordinates
        if ("23505".equals(e.getSQLState())) {
            return EngineException.badRequest("the cells for " + table.uri() + " give the same coordinates twice"
                    + (table.schema().dense() ? "" : " (the array does not allow duplicates)"));
        }
        return new IllegalStateException("cannot write a fragment of " + table.uri() + ": " + e.getMessage(), e);
    }

    /** Ends the write; without {@link #commit()} nothing of the fragment is kept. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // the connection is gone, and its transaction with it
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing left to release
            }
            lock.unlock();
        }
    }
}
