package dev.cameltiledb.client.cells;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cells as columns: per field (dimension or attribute) a typed Java array ({@link CellType}), and for a nullable
 * field which cells are valid. This is what a read hands over page by page and what a write sends, for bulk use;
 * {@link #row(int)} and {@link #value(String, int)} give single cells boxed.
 */
public final class CellColumns {

    private final int size;
    private final Map<String, Object> columns;
    private final Map<String, boolean[]> validity;

    /**
     * @param size     the number of cells
     * @param columns  per field, in order, a typed array of at least {@code size} values
     * @param validity per nullable field, which cells hold a value (absent: every cell does)
     */
    public CellColumns(int size, Map<String, Object> columns, Map<String, boolean[]> validity) {
        this.size = size;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.validity = Collections.unmodifiableMap(new LinkedHashMap<>(validity));
        for (Map.Entry<String, Object> c : this.columns.entrySet()) {
            if (c.getValue() == null || !c.getValue().getClass().isArray() || Array.getLength(c.getValue()) < size) {
                throw new IllegalArgumentException("column " + c.getKey() + " is not an array of " + size + " values");
            }
        }
    }

    public int size() {
        return size;
    }

    /** The fields, in the order they were read or given. */
    public List<String> names() {
        return new ArrayList<>(columns.keySet());
    }

    /** The typed array of a field ({@code long[]}, {@code int[]}, {@code double[]}, {@code float[]}, {@code String[]}). */
    public Object column(String name) {
        Object c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no field " + name + " among " + columns.keySet());
        }
        return c;
    }

    public Map<String, Object> columns() {
        return columns;
    }

    /** Which cells of a nullable field hold a value; null for a field that is not nullable. */
    public boolean[] validity(String name) {
        return validity.get(name);
    }

    public Map<String, boolean[]> validity() {
        return validity;
    }

    /** One cell of one field, boxed; null where a nullable field holds no value. */
    public Object value(String name, int cell) {
        Object c = column(name);
        boolean[] valid = validity.get(name);
        if (valid != null && !valid[cell]) {
            return null;
        }
        return Array.get(c, cell);
    }

    /** One cell as a map of field to value, in field order. */
    public Map<String, Object> row(int cell) {
        Map<String, Object> row = new LinkedHashMap<>(columns.size() * 2);
        for (String name : columns.keySet()) {
            row.put(name, value(name, cell));
        }
        return row;
    }

    /** Every cell as a row (for small pages; a large read is better taken as columns). */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    @Override
    public String toString() {
        return "CellColumns[" + size + " cells of " + columns.keySet() + "]";
    }
}
