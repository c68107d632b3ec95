package dev.cameltiledb.emulator.data.cells;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.emulator.data.ArrayCatalog;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.ArrayUri;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.store.Database;

/**
 * The arrays' cells: written in fragments (each with a timestamp), read by ranges, fields, layout and time window,
 * seeded from JSON. Arrays come from the {@link ArrayCatalog}; their cells live in the engine's database, where SQL
 * reads them too.
 */
public final class CellStore {

    private final Database database;
    private final ArrayCatalog catalog;
    private final Clock clock;
    private final ArrayTables tables;
    private final Map<String, ReentrantLock> writeLocks = new ConcurrentHashMap<>();

    public CellStore(Database database, ArrayCatalog catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.clock = clock;
        this.tables = new ArrayTables(database);
    }

    /** The array registered as {@code namespace/name}; a 404 when there is none. */
    public ArrayEntry array(String namespace, String name) {
        ArrayEntry entry = catalog.find(namespace, name)
                .orElseThrow(
                        () -> EngineException.notFound("array tiledb://" + namespace + "/" + name + " does not exist"));
        tables.ensure(entry);
        return entry;
    }

    /**
     * The array, when the caller may read it; a 404 that does not tell a missing array from a hidden one otherwise
     * (as the rest of the emulator answers).
     */
    public ArrayEntry readable(Caller caller, String namespace, String name) {
        ArrayEntry entry = catalog.find(namespace, name)
                .filter(caller::mayRead)
                .orElseThrow(() -> EngineException.notFound(
                        "array tiledb://" + namespace + "/" + name + " does not exist or you may not see it"));
        tables.ensure(entry);
        return entry;
    }

    /**
     * The readable array a {@code tiledb://} URI names ({@code what} says where the URI came from, for a malformed
     * one); a 404 naming the URI when there is no such array or the caller may not read it. The namespace is the first
     * path segment, or the first two (a workspace server's {@code workspace/teamspace}) when that names an array.
     */
    public ArrayEntry readableUri(Caller caller, String uri, String what) {
        ArrayUri at = ArrayUri.parse(uri, what);
        Optional<ArrayEntry> found = catalog.find(at.namespace(), at.name()).filter(caller::mayRead);
        if (found.isEmpty() && at.name().contains("/")) {
            ArrayUri deeper = ArrayUri.parse(uri, what, 2);
            found = catalog.find(deeper.namespace(), deeper.name()).filter(caller::mayRead);
        }
        ArrayEntry entry = found.orElseThrow(
                () -> EngineException.notFound("array " + uri + " does not exist or you may not see it"));
        tables.ensure(entry);
        return entry;
    }

    /** Makes sure the array's SQL table exists (SQL names tables that the engine may not have seen yet). */
    public void prepare(ArrayEntry array) {
        tables.ensure(array);
    }

    /** Writes the cells as one fragment at {@code timestamp} (epoch ms; null: now); all or nothing. */
    public Fragment write(ArrayEntry array, CellBatch cells, Long timestamp) {
        try (FragmentWriter writer = writer(array, cells.fields(), timestamp)) {
            Iterator<Object[]> rows = cells.rows();
            while (rows.hasNext()) {
                writer.add(rows.next());
            }
            return writer.commit();
        }
    }

    /**
     * A writer of one fragment, for cells that arrive one at a time (in the order of {@code fields}); commit it, and
     * close it in any case.
     */
    public FragmentWriter writer(ArrayEntry array, List<String> fields, Long timestamp) {
        ArrayTable table = tables.ensure(array);
        CellRows rows = new CellRows(array.uri(), table.schema(), fields);
        ReentrantLock lock = writeLocks.computeIfAbsent(array.id(), id -> new ReentrantLock());
        lock.lock();
        Connection connection;
        try {
            connection = database.owner();
        } catch (SQLException e) {
            lock.unlock();
            throw new IllegalStateException("cannot write to " + array.uri() + ": " + e.getMessage(), e);
        }
        return new FragmentWriter(table, rows, timestamp == null ? clock.millis() : timestamp, lock, connection);
    }

    /**
     * Seeds an array with cells given as JSON: an object of columns ({@code {"rows": [1, 2], "a": [10, 20]}}) or an
     * array of cells ({@code [{"rows": 1, "a": 10}, ...]}), as one fragment at {@code timestamp} (null: now).
     */
    public Fragment seed(String namespace, String name, JsonNode cells, Long timestamp) {
        ArrayEntry array = array(namespace, name);
        return write(array, CellSeeds.batch(array.uri(), cells), timestamp);
    }

    /** The array's fragments, oldest write first. */
    public List<Fragment> fragments(ArrayEntry array) {
        tables.ensure(array);
        List<Fragment> fragments = new ArrayList<>();
        try (Connection c = database.owner();
                PreparedStatement p = c.prepareStatement(
                        "SELECT seq, ts, cells, name FROM engine.fragments WHERE array_id = ? ORDER BY seq")) {
            p.setString(1, array.id());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    fragments.add(new Fragment(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the fragments of " + array.uri() + ": " + e.getMessage(), e);
        }
        return fragments;
    }

    /** The cells' schema as the engine reads the array's schema JSON. */
    public CellSchema schema(ArrayEntry array) {
        return tables.ensure(array).schema();
    }

    /**
     * The coordinates of a dense array's box (per dimension sorted disjoint intervals {@code [lo, hi, ...]}) in the
     * order a write of {@code layout} gives its cells: row-major, col-major, or the array's global order (tile by
     * tile). Each point is a fresh array.
     */
    public Iterator<long[]> denseOrder(ArrayEntry array, long[][] box, Layout layout) {
        DenseGrid.Walk walk = new DenseGrid(box, layout, schema(array)).walk();
        return new Iterator<>() {
            private long[] next = walk.next();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public long[] next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                long[] point = next.clone();
                next = walk.next();
                return point;
            }
        };
    }

    /** A consistent view for one or more reads; close it. */
    public CellSnapshot snapshot() {
        try {
            return new CellSnapshot(database.snapshot(), tables);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read cells: " + e.getMessage(), e);
        }
    }

    /** Drops the cells of a deleted array (by its catalog id). */
    public void forget(String arrayId) {
        tables.drop(arrayId);
    }
}
