package dev.cameltiledb.client.cells;

import java.lang.reflect.Array;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cells given for a write (rows as maps, or columns as lists or typed arrays), checked against the array's schema
 * and turned into the columns a write sends. Every check runs before anything is sent: a field the array lacks, a
 * dimension or attribute left out, a value of the wrong type, a null where the field is not nullable, a coordinate out
 * of its domain, a dense write that does not fill a box; the error names the row (or column) and field.
 *
 * <p>A sparse write sends coordinates, unordered. A dense write sends no coordinates: given with coordinates, its
 * cells must fill a box exactly, and are put in row-major order within it; given without, the caller names the box.
 */
public final class CellInput {

    private CellInput() {}

    /** Rows, each a map of field to value. */
    public static CellWrite rows(ArrayCells array, List<? extends Map<String, ?>> rows) {
        int n = rows.size();
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, boolean[]> validity = new LinkedHashMap<>();
        boolean dimensionsGiven =
                n > 0 && array.dimensions().stream().anyMatch(d -> rows.get(0).containsKey(d.name()));
        for (int i = 0; i < n; i++) {
            Map<String, ?> row = rows.get(i);
            if (row == null) {
                throw new IllegalArgumentException("row " + i + " is null");
            }
            for (String key : row.keySet()) {
                try {
                    array.field(key);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("row " + i + ": " + e.getMessage());
                }
            }
        }
        for (CellField f : array.fields()) {
            if (f.dimension() && array.dense() && !dimensionsGiven) {
                continue;
            }
            Object column = f.type().newArray(n);
            boolean[] valid = f.nullable() ? new boolean[n] : null;
            for (int i = 0; i < n; i++) {
                Map<String, ?> row = rows.get(i);
                Object v = row.get(f.name());
                if (v == null) {
                    if (!row.containsKey(f.name())) {
                        throw new IllegalArgumentException(
                                "row " + i + " has no " + kind(f) + " " + f.name() + " (a write sets every one)");
                    }
                    if (!f.nullable()) {
                        throw new IllegalArgumentException(
                                "row " + i + ": " + kind(f) + " " + f.name() + " is not nullable, but is null");
                    }
                    continue;
                }
                try {
                    CellValues.store(f, column, i, v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("row " + i + ": " + e.getMessage());
                }
                if (valid != null) {
                    valid[i] = true;
                }
            }
            columns.put(f.name(), column);
            if (valid != null) {
                validity.put(f.name(), valid);
            }
        }
        return finish(array, new CellColumns(n, columns, validity));
    }

    /**
     * Columns: per field a {@link List} of values or a typed array ({@code long[]}, {@code int[]}, {@code double[]},
     * {@code float[]}, {@code String[]} as {@link CellType} holds the field; other arrays are read value by value).
     */
    public static CellWrite columns(ArrayCells array, Map<String, ?> given) {
        int n = -1;
        for (Map.Entry<String, ?> e : given.entrySet()) {
            array.field(e.getKey());
            int size = size(e.getKey(), e.getValue());
            if (n >= 0 && size != n) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + size
                        + " values, the columns before it " + n + " (every column holds one value per cell)");
            }
            n = size;
        }
        n = Math.max(n, 0);
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, boolean[]> validity = new LinkedHashMap<>();
        boolean dimensionsGiven = array.dimensions().stream().anyMatch(d -> given.containsKey(d.name()));
        for (CellField f : array.fields()) {
            if (f.dimension() && array.dense() && !dimensionsGiven) {
                continue;
            }
            Object values = given.get(f.name());
            if (values == null) {
                throw new IllegalArgumentException(
                        "no column for " + kind(f) + " " + f.name() + " (a write sets every one)");
            }
            Object typed = f.type().newArray(0).getClass().isInstance(values) ? values : null;
            boolean[] valid = null;
            if (typed == null) {
                typed = f.type().newArray(n);
                for (int i = 0; i < n; i++) {
                    Object v = values instanceof List<?> l ? l.get(i) : Array.get(values, i);
                    if (v == null) {
                        if (!f.nullable()) {
                            throw new IllegalArgumentException("column " + f.name() + ", cell " + i + ": " + kind(f)
                                    + " is not nullable, but is null");
                        }
                        if (valid == null) {
                            valid = filled(n);
                        }
                        valid[i] = false;
                        continue;
                    }
                    try {
                        CellValues.store(f, typed, i, v);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "column " + f.name() + ", cell " + i + ": " + e.getMessage());
                    }
                }
            } else if (typed instanceof String[] s) {
                for (int i = 0; i < n; i++) {
                    if (s[i] == null) {
                        if (!f.nullable()) {
                            throw new IllegalArgumentException("column " + f.name() + ", cell " + i + ": " + kind(f)
                                    + " is not nullable, but is null");
                        }
                        if (valid == null) {
                            valid = filled(n);
                        }
                        valid[i] = false;
                    }
                }
            }
            columns.put(f.name(), typed);
            if (f.nullable()) {
                validity.put(f.name(), valid == null ? filled(n) : valid);
            }
        }
        return finish(array, new CellColumns(n, columns, validity));
    }

    private static boolean[] filled(int n) {
        boolean[] v = new boolean[n];
        java.util.Arrays.fill(v, true);
        return v;
    }

    private static int size(String name, Object values) {
        if (values instanceof List<?> l) {
            return l.size();
        }
        if (values != null && values.getClass().isArray()) {
            return Array.getLength(values);
        }
        throw new IllegalArgumentException("column " + name + " must be a List or an array, not "
                + (values == null ? "null" : values.getClass().getSimpleName()));
    }

    private static String kind(CellField f) {
        return f.dimension() ? "dimension" : "attribute";
    }

    /** Checks coordinates against the domain; a dense write with coordinates is put in row-major order in its box. */
    private static CellWrite finish(ArrayCells array, CellColumns cells) {
        boolean coordinates = cells.names().contains(array.dimensions().get(0).name());
        if (coordinates) {
            for (CellField d : array.dimensions()) {
                checkDomain(d, cells.column(d.name()), cells.size());
            }
        }
        if (!array.dense()) {
            return new CellWrite(cells, null, "unordered");
        }
        if (!coordinates) {
            return new CellWrite(cells, null, "row-major");
        }
        return DenseBox.arrange(array, cells);
    }

    private static void checkDomain(CellField d, Object column, int n) {
        if (d.lo() == null) {
            return;
        }
        // the typed arrays a bulk write gives, checked without boxing (10,000,000 coordinates boxed three times each
        // cost more CPU than encoding and sending them); the same comparisons as the general loop below
        if (d.lo() instanceof Long && (column instanceof long[] || column instanceof int[])) {
            long lo = d.lo().longValue();
            long hi = d.hi().longValue();
            long[] longs = column instanceof long[] l ? l : null;
            int[] ints = column instanceof int[] k ? k : null;
            for (int i = 0; i < n; i++) {
                long v = longs != null ? longs[i] : ints[i];
                if (v < lo || v > hi) {
                    throw outside(d, i, v);
                }
            }
            return;
        }
        if (d.lo() instanceof Double && (column instanceof double[] || column instanceof float[])) {
            double lo = d.lo().doubleValue();
            double hi = d.hi().doubleValue();
            double[] doubles = column instanceof double[] x ? x : null;
            float[] floats = column instanceof float[] f ? f : null;
            for (int i = 0; i < n; i++) {
                double v = doubles != null ? doubles[i] : floats[i];
                if (v < lo || v > hi) {
                    throw outside(d, i, doubles != null ? (Object) doubles[i] : (Object) floats[i]);
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double v = Array.get(column, i) instanceof Number num ? num.doubleValue() : Double.NaN;
            boolean out = d.lo() instanceof Long
                    ? ((Number) Array.get(column, i)).longValue() < d.lo().longValue()
                            || ((Number) Array.get(column, i)).longValue() > d.hi().longValue()
                    : v < d.lo().doubleValue() || v > d.hi().doubleValue();
            if (out) {
                throw outside(d, i, Array.get(column, i));
            }
        }
    }

    private static IllegalArgumentException outside(CellField d, int i, Object value) {
        return new IllegalArgumentException("cell " + i + ": dimension " + d.name() + " = " + value
                + " is outside its domain [" + d.lo() + ", " + d.hi() + "]");
    }
}
