package dev.cameltiledb.emulator.data.cells;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Cells to write as one fragment: field names (dimensions and attributes) and, for each cell, the values in that
 * order. Every cell names its coordinates (dense cells too); a nullable attribute may be left out (null). The rows
 * are read once, as the fragment is written, so a batch can stream.
 */
public final class CellBatch {

    private final List<String> fields;
    private final Iterator<Object[]> rows;

    private CellBatch(List<String> fields, Iterator<Object[]> rows) {
        this.fields = List.copyOf(fields);
        this.rows = rows;
    }

    /** Values in {@code fields}' order, one array per cell. */
    public static CellBatch of(List<String> fields, Iterator<Object[]> rows) {
        return new CellBatch(fields, rows);
    }

    /** One list of values per field, all of the same length. */
    public static CellBatch ofColumns(Map<String, ? extends List<?>> columns) {
        List<String> fields = new ArrayList<>(columns.keySet());
        List<List<?>> values = new ArrayList<>(columns.values());
        int size = values.isEmpty() ? 0 : values.get(0).size();
        for (int i = 0; i < fields.size(); i++) {
            if (values.get(i).size() != size) {
                throw new IllegalArgumentException("column " + fields.get(i) + " has "
                        + values.get(i).size() + " values where " + fields.get(0) + " has " + size);
            }
        }
        return new CellBatch(fields, new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] row = new Object[values.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = values.get(i).get(next);
                }
                next++;
                return row;
            }
        });
    }

    /** One map per cell, field name to value; a field a cell leaves out is null there. */
    public static CellBatch ofRows(List<? extends Map<String, ?>> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.keySet()));
        List<String> fields = new ArrayList<>(names);
        Iterator<? extends Map<String, ?>> it = rows.iterator();
        return new CellBatch(fields, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object[] next() {
                Map<String, ?> r = it.next();
                Object[] row = new Object[fields.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.get(fields.get(i));
                }
                return row;
            }
        });
    }

    public List<String> fields() {
        return fields;
    }

    Iterator<Object[]> rows() {
        return rows;
    }
}
