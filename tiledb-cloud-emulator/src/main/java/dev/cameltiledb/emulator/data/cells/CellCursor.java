package dev.cameltiledb.emulator.data.cells;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The cells of a read, one at a time, straight from the database (a read of any size passes through a fixed amount
 * of memory). Where a later fragment overwrote a cell inside the read's time window, only the newest value is given;
 * a dense read gives every cell of its subarray, unwritten ones with the attribute's fill value (null when nullable).
 */
public final class CellCursor implements AutoCloseable {

    private final ReadPlan plan;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final boolean collapse;
    private final DenseGrid.Walk grid;
    private final int[] fieldColumns;
    private final int dims;
    private final Object[] values;
    /** The stored cell read ahead (dense reads and collapsing compare coordinates before using it). */
    private Object[] pending;

    private boolean exhausted;

    CellCursor(ReadPlan plan, PreparedStatement statement, boolean collapse, DenseGrid.Walk grid) throws SQLException {
        this.plan = plan;
        this.statement = statement;
        this.rows = statement.executeQuery();
        this.collapse = collapse;
        this.grid = grid;
        this.fieldColumns = plan.fieldColumns();
        this.dims = plan.schema.dimensions().size();
        this.values = new Object[plan.fields.size()];
    }

    /** The fields each cell gives, in order. */
    public List<CellField> fields() {
        return plan.fields;
    }

    /** Moves to the next cell; false at the end. */
    public boolean next() {
        try {
            return grid == null ? nextStored() : nextDense();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cells of " + plan.table.uri() + ": " + e.getMessage(), e);
        }
    }

    /** The current cell's value of field {@code i} (in {@link #fields()} order). */
    public Object value(int i) {
        return values[i];
    }

    private boolean nextStored() throws SQLException {
        Object[] cell = take();
        if (cell == null) {
            return false;
        }
        if (collapse) {
            // older versions of the same coordinates follow the newest: skip them
            Object[] after;
            while ((after = peek()) != null && sameCoordinates(cell, after)) {
                pending = null;
            }
        }
        fill(cell);
        return true;
    }

    private boolean nextDense() throws SQLException {
        long[] point = grid.next();
        if (point == null) {
            if (peek() != null) {
                throw new IllegalStateException(
                        "a stored cell of " + plan.table.uri() + " fell outside the read's order");
            }
            return false;
        }
        Object[] stored = peek();
        if (stored != null && at(stored, point)) {
            nextStored();
            return true;
        }
        for (int i = 0; i < values.length; i++) {
            CellField f = plan.fields.get(i);
            values[i] = f.dimension() ? (Object) point[plan.schema.dimensions().indexOf(f)] : f.fill();
        }
        return true;
    }

    private void fill(Object[] cell) {
        for (int i = 0; i < values.length; i++) {
            values[i] = cell[fieldColumns[i]];
        }
    }

    private Object[] take() throws SQLException {
        Object[] cell = peek();
        pending = null;
        return cell;
    }

    private Object[] peek() throws SQLException {
        if (pending == null && !exhausted) {
            if (rows.next()) {
                List<CellField> dimensions = plan.schema.dimensions();
                int columns = dims
                        + (int) plan.fields.stream().filter(f -> !f.dimension()).count();
                Object[] cell = new Object[columns];
                int c = 0;
                for (; c < dims; c++) {
                    cell[c] = dimensions.get(c).type().read(rows, c + 1);
                }
                for (CellField f : plan.fields) {
                    if (!f.dimension()) {
                        cell[c] = f.type().read(rows, c + 1);
                        c++;
                    }
                }
                pending = cell;
            } else {
                exhausted = true;
            }
        }
        return pending;
    }

    private boolean sameCoordinates(Object[] a, Object[] b) {
        for (int d = 0; d < dims; d++) {
            if (!java.util.Objects.equals(a[d], b[d])) {
                return false;
            }
        }
        return true;
    }

    private boolean at(Object[] cell, long[] point) {
        for (int d = 0; d < dims; d++) {
            if (((Number) cell[d]).longValue() != point[d]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            rows.close();
            statement.close();
        } catch (SQLException e) {
            // the snapshot's connection closes them anyway
        }
    }
}
