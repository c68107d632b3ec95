package dev.cameltiledb.emulator.data.cells;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.emulator.data.ArrayEntry;

/**
 * Reads that all see the cells as they were when the snapshot was taken (a JSON query reads one column per pass;
 * a write committed in between must not shift them against each other). Close it when done.
 */
public final class CellSnapshot implements AutoCloseable {

    private final Connection connection;
    private final ArrayTables tables;

    CellSnapshot(Connection connection, ArrayTables tables) {
        this.connection = connection;
        this.tables = tables;
    }

    /** Opens a read; the cursor lives until it or the snapshot is closed. */
    public CellCursor open(ArrayEntry array, CellQuery query) {
        ArrayTable table = tables.ensure(array);
        ReadPlan plan = new ReadPlan(table, query);
        try {
            long newest = newestFragment(table);
            boolean overwrites = !table.schema().allowsDuplicates();
            // a fragment after the window's end may have overwritten cells the window still sees: read history too
            boolean travel = overwrites && newest > plan.end;
            DenseGrid grid = null;
            if (table.schema().dense()) {
                long[][] box = denseBox(plan);
                if (box == null) {
                    return emptyCursor(plan);
                }
                grid = new DenseGrid(box, plan.layout, table.schema());
            }
            boolean windowed = plan.start > 0 || plan.end < Long.MAX_VALUE;
            List<Object[]> binds = new ArrayList<>();
            String where = plan.where(binds);
            List<Object> afterKeys = plan.after == null ? List.of() : afterKeys(plan);
            if (!afterKeys.isEmpty()) {
                // the keyset: cells past the last one delivered, in the order the read gives them; the first key's
                // own bound lets the database start from its index rather than from the first cell
                List<String> keys = plan.orderKeys();
                where = where + " AND " + keys.get(0) + " >= ? AND (" + String.join(", ", keys) + ") > ("
                        + String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ")";
            }
            String from;
            if (travel) {
                String window = "\"__ts\" >= ? AND \"__ts\" <= ?";
                String columns = table.allColumns();
                from = "(SELECT " + columns + " FROM " + table.current() + " WHERE " + window + " UNION ALL SELECT "
                        + columns + " FROM " + table.history() + " WHERE " + window + ") c";
            } else {
                from = table.current() + " c";
                if (windowed) {
                    where = "c.\"__ts\" >= ? AND c.\"__ts\" <= ? AND " + where;
                }
            }
            String sql = "SELECT " + plan.selectList() + " FROM " + from + " WHERE " + where + " ORDER BY "
                    + plan.orderBy() + (travel ? ", c.\"__ts\" DESC, c.\"__frag\" DESC" : "");
            PreparedStatement p = connection.prepareStatement(sql);
            int i = 1;
            if (windowed) {
                int copies = travel ? 2 : 1;
                for (int k = 0; k < copies; k++) {
                    p.setLong(i++, plan.start);
                    p.setLong(i++, plan.end);
                }
            }
            for (Object[] bind : binds) {
                ((CellField) bind[0]).type().bind(p, i++, bind[1]);
            }
            if (!afterKeys.isEmpty()) {
                p.setObject(i++, afterKeys.get(0));
                for (Object key : afterKeys) {
                    p.setObject(i++, key);
                }
            }
            DenseGrid.Walk walk = null;
            if (grid != null) {
                walk = plan.after == null ? grid.walk() : grid.walkAfter(longs(plan.after));
            }
            return new CellCursor(plan, p, travel, walk);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cells of " + array.uri() + ": " + e.getMessage(), e);
        }
    }

    /** The order keys of the cell a continued read starts after, as the database computes them. */
    private List<Object> afterKeys(ReadPlan plan) throws SQLException {
        List<CellField> dims = plan.schema.dimensions();
        try (PreparedStatement p = connection.prepareStatement(plan.afterKeysQuery())) {
            for (int d = 0; d < dims.size(); d++) {
                dims.get(d).type().bind(p, d + 1, plan.after[d]);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                List<Object> keys = new ArrayList<>();
                for (int k = 1; k <= r.getMetaData().getColumnCount(); k++) {
                    keys.add(r.getObject(k));
                }
                return keys;
            }
        }
    }

    private static long[] longs(Object[] point) {
        long[] values = new long[point.length];
        for (int d = 0; d < point.length; d++) {
            values[d] = ((Number) point[d]).longValue();
        }
        return values;
    }

    private long newestFragment(ArrayTable table) throws SQLException {
        try (PreparedStatement p =
                connection.prepareStatement("SELECT COALESCE(MAX(ts), 0) FROM engine.fragments WHERE array_id = ?")) {
            p.setString(1, table.arrayId());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * A dense read's box: its ranges, and for a dimension without any the array's non-empty domain (what TileDB's
     * clients read for a whole dimension); null when the array has no cells.
     */
    private long[][] denseBox(ReadPlan plan) throws SQLException {
        long[][] box = new long[plan.ranges.size()][];
        long[][] nonEmpty = null;
        for (int d = 0; d < box.length; d++) {
            List<Object[]> r = plan.ranges.get(d);
            if (r == null) {
                if (nonEmpty == null) {
                    nonEmpty = nonEmptyDomain(plan.table);
                    if (nonEmpty == null) {
                        return null;
                    }
                }
                box[d] = nonEmpty[d];
            } else {
                box[d] = r.stream()
                        .flatMap(pair -> java.util.stream.Stream.of(pair[0], pair[1]))
                        .mapToLong(v -> ((Number) v).longValue())
                        .toArray();
            }
        }
        return box;
    }

    /** Per dimension {@code [min, max]} of the stored cells, or null when there are none. */
    long[][] nonEmptyDomain(ArrayTable table) throws SQLException {
        List<CellField> dims = table.schema().dimensions();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int d = 0; d < dims.size(); d++) {
            sql.append(d == 0 ? "" : ", ")
                    .append("MIN(")
                    .append(dims.get(d).column())
                    .append("), MAX(")
                    .append(dims.get(d).column())
                    .append(')');
        }
        sql.append(" FROM ").append(table.current());
        try (PreparedStatement p = connection.prepareStatement(sql.toString());
                ResultSet r = p.executeQuery()) {
            r.next();
            long[][] box = new long[dims.size()][];
            for (int d = 0; d < dims.size(); d++) {
                Object lo = dims.get(d).type().read(r, 2 * d + 1);
                Object hi = dims.get(d).type().read(r, 2 * d + 2);
                if (lo == null) {
                    return null;
                }
                box[d] = new long[] {((Number) lo).longValue(), ((Number) hi).longValue()};
            }
            return box;
        }
    }

    private CellCursor emptyCursor(ReadPlan plan) throws SQLException {
        PreparedStatement p = connection.prepareStatement(
                "SELECT " + plan.selectList() + " FROM " + plan.table.current() + " c WHERE FALSE");
        return new CellCursor(plan, p, false, null);
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            // a read-only transaction: nothing to keep or undo
        }
    }
}
