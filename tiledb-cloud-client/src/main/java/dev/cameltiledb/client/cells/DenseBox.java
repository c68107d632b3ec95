package dev.cameltiledb.client.cells;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dense write given with coordinates: TileDB's dense writes send values only, in the order of a box they fill
 * entirely. The cells' bounding box is that box; each cell goes to its row-major place in it, and a box with a hole or
 * a cell given twice is refused (naming the first hole or repeat).
 */
final class DenseBox {

    private DenseBox() {}

    static CellWrite arrange(ArrayCells array, CellColumns cells) {
        List<CellField> dims = array.dimensions();
        int n = cells.size();
        int d = dims.size();
        long[] lo = new long[d];
        long[] hi = new long[d];
        long[][] coords = new long[d][];
        for (int k = 0; k < d; k++) {
            coords[k] = longs(cells.column(dims.get(k).name()), n);
            lo[k] = Long.MAX_VALUE;
            hi[k] = Long.MIN_VALUE;
            for (long v : coords[k]) {
                lo[k] = Math.min(lo[k], v);
                hi[k] = Math.max(hi[k], v);
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("a dense write needs at least one cell");
        }
        long volume = 1;
        for (int k = 0; k < d; k++) {
            volume = Math.multiplyExact(volume, hi[k] - lo[k] + 1);
        }
        if (volume != n) {
            throw new IllegalArgumentException("a dense write fills a box: the cells given span " + box(dims, lo, hi)
                    + ", " + volume + " cells, but " + n + " were given");
        }
        int[] place = new int[n];
        BitSet seen = new BitSet(n);
        for (int i = 0; i < n; i++) {
            long index = 0;
            for (int k = 0; k < d; k++) {
                index = index * (hi[k] - lo[k] + 1) + (coords[k][i] - lo[k]);
            }
            if (seen.get((int) index)) {
                throw new IllegalArgumentException(
                        "cell " + i + " repeats coordinates already given in this dense write");
            }
            seen.set((int) index);
            place[i] = (int) index;
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, boolean[]> validity = new LinkedHashMap<>();
        for (CellField a : array.attributes()) {
            Object from = cells.column(a.name());
            Object to = a.type().newArray(n);
            for (int i = 0; i < n; i++) {
                Array.set(to, place[i], Array.get(from, i));
            }
            columns.put(a.name(), to);
            boolean[] valid = cells.validity(a.name());
            if (valid != null) {
                boolean[] moved = new boolean[n];
                for (int i = 0; i < n; i++) {
                    moved[place[i]] = valid[i];
                }
                validity.put(a.name(), moved);
            }
        }
        List<long[]> box = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            box.add(new long[] {lo[k], hi[k]});
        }
        return new CellWrite(new CellColumns(n, columns, validity), box, "row-major");
    }

    static long[] longs(Object column, int n) {
        if (column instanceof long[] l) {
            return l;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(column, i)).longValue();
        }
        return out;
    }

    private static String box(List<CellField> dims, long[] lo, long[] hi) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < dims.size(); k++) {
            s.append(k == 0 ? "" : ", ")
                    .append(dims.get(k).name())
                    .append(" ")
                    .append(lo[k])
                    .append("..")
                    .append(hi[k]);
        }
        return s.toString();
    }
}
