package dev.cameltiledb.component.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.cells.CellColumns;

/**
 * Cells as columns cut into parts (a write's fragments) or joined from parts (a read's pages), each column copied
 * with {@link System#arraycopy} as the typed array it is.
 */
final class ColumnSlices {

    private ColumnSlices() {}

    /** Cells {@code from} (inclusive) to {@code to} (exclusive) of {@code cells}. */
    static CellColumns slice(CellColumns cells, int from, int to) {
        if (from == 0 && to == cells.size()) {
            return cells;
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Object> c : cells.columns().entrySet()) {
            columns.put(c.getKey(), copy(c.getValue(), from, to));
        }
        Map<String, boolean[]> validity = new LinkedHashMap<>();
        for (Map.Entry<String, boolean[]> v : cells.validity().entrySet()) {
            validity.put(v.getKey(), java.util.Arrays.copyOfRange(v.getValue(), from, to));
        }
        return new CellColumns(to - from, columns, validity);
    }

    /** The pages one after the other, as one set of columns (the fields of the first page). */
    static CellColumns join(List<CellColumns> pages, int size) {
        if (pages.size() == 1 && pages.get(0).size() == size) {
            return pages.get(0);
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, boolean[]> validity = new LinkedHashMap<>();
        if (!pages.isEmpty()) {
            CellColumns first = pages.get(0);
            for (String name : first.names()) {
                Object column = java.lang.reflect.Array.newInstance(
                        first.column(name).getClass().getComponentType(), size);
                boolean[] valid = first.validity(name) == null ? null : new boolean[size];
                int at = 0;
                for (CellColumns page : pages) {
                    int n = Math.min(page.size(), size - at);
                    System.arraycopy(page.column(name), 0, column, at, n);
                    if (valid != null) {
                        System.arraycopy(page.validity(name), 0, valid, at, n);
                    }
                    at += n;
                }
                columns.put(name, column);
                if (valid != null) {
                    validity.put(name, valid);
                }
            }
        }
        return new CellColumns(size, columns, validity);
    }

    /** Values {@code from} to {@code to} of a typed array, as an array of the same type. */
    static Object copy(Object array, int from, int to) {
        Object out = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), to - from);
        System.arraycopy(array, from, out, 0, to - from);
        return out;
    }
}
