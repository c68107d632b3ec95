package dev.cameltiledb.emulator.data.protocol;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.cells.CellField;
import dev.cameltiledb.emulator.data.cells.CellSchema;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.cells.Fragment;
import dev.cameltiledb.emulator.data.cells.FragmentWriter;
import dev.cameltiledb.emulator.data.cells.Layout;

/**
 * A write query: its buffers checked ({@link WriteBuffers}), its cells placed, and written as one fragment, all or
 * nothing. Dense arrays in row-major, col-major or global order take no coordinates: the cells fill the writer's
 * subarray (its {@code subarrayRanges}, else its {@code subarray}, else the whole domain) in that order, and must be
 * exactly as many as it holds. Unordered writes (sparse arrays, and dense ones too) give every cell's coordinates in
 * the dimensions' buffers. A sparse array takes no ordered layout (as TileDB refuses it); its global-order writes
 * are taken in the order given.
 */
final class WriteCells {

    private final CellStore cells;

    WriteCells(CellStore cells) {
        this.cells = cells;
    }

    Fragment write(ArrayEntry array, QueryMessage query, byte[] body, int buffersAt, Long timestamp) {
        CellSchema schema = cells.schema(array);
        Layout layout =
                Layout.parse(query.layout(), schema.dense() ? Layout.ROW_MAJOR : Layout.UNORDERED, "Query.layout");
        List<WriteBuffers.Column> columns = WriteBuffers.cut(schema, array.uri(), query, body, buffersAt);
        int n = columns.get(0).cells;
        boolean coordinates = columns.stream().anyMatch(c -> c.field.dimension());
        List<CellField> dims = schema.dimensions();
        Iterator<long[]> box = null;
        if (schema.dense() && layout != Layout.UNORDERED) {
            if (coordinates) {
                throw EngineException.badRequest("a dense write in " + layout.wire() + " gives no coordinates (the"
                        + " cells fill the writer's subarray in order): leave out the dimensions' buffers, or write"
                        + " unordered");
            }
            long[][] ranges = denseBox(schema, query.writer());
            long volume = 1;
            for (long[] r : ranges) {
                volume = Math.multiplyExact(volume, r[1] - r[0] + 1);
            }
            if (volume != n) {
                throw EngineException.badRequest("the dense write's subarray " + describe(dims, ranges) + " holds "
                        + volume + " cells; the buffers give " + n);
            }
            box = cells.denseOrder(array, ranges, layout);
        } else if (!schema.dense() && (layout == Layout.ROW_MAJOR || layout == Layout.COL_MAJOR)) {
            throw EngineException.badRequest("a write to the sparse array " + array.uri() + " is unordered or in"
                    + " global order, with every cell's coordinates; " + layout.wire() + " is for dense arrays");
        } else {
            for (CellField d : dims) {
                if (columns.stream().noneMatch(c -> c.field == d)) {
                    throw EngineException.badRequest("the write gives no buffer for the dimension " + d.name() + ": an "
                            + layout.wire() + " write gives every cell's coordinates");
                }
            }
        }
        List<String> names = new ArrayList<>();
        if (box != null) {
            dims.forEach(d -> names.add(d.name()));
        }
        columns.forEach(c -> names.add(c.field.name()));
        int offset = box == null ? 0 : dims.size();
        try (FragmentWriter writer = cells.writer(array, names, timestamp)) {
            for (int i = 0; i < n; i++) {
                Object[] row = new Object[names.size()];
                if (box != null) {
                    long[] point = box.next();
                    for (int d = 0; d < point.length; d++) {
                        row[d] = point[d];
                    }
                }
                for (int c = 0; c < columns.size(); c++) {
                    row[offset + c] = columns.get(c).value(i);
                }
                writer.add(row);
            }
            return writer.commit();
        }
    }

    /**
     * The dense write's box, per dimension {@code [lo, hi]}: the writer's {@code subarrayRanges} (bounds given), else
     * its {@code subarray}, else the domain; inside the domain, one range per dimension.
     */
    private static long[][] denseBox(CellSchema schema, QueryMessage.Writer writer) {
        List<CellField> dims = schema.dimensions();
        long[][] box = new long[dims.size()][];
        List<List<Object>> given = writer == null
                ? List.of()
                : Subarrays.ranges(schema, writer.subarrayRanges(), "Query.writer.subarrayRanges");
        List<Number> flat = writer == null || writer.subarray() == null
                ? null
                : writer.subarray().values();
        if (given.stream().allMatch(r -> r == null) && flat != null && !flat.isEmpty()) {
            if (flat.size() != 2 * dims.size()) {
                throw EngineException.badRequest("Query.writer.subarray gives " + flat.size() + " bounds; a dense"
                        + " write's box has a [low, high] per dimension (" + 2 * dims.size() + ")");
            }
            given = new ArrayList<>();
            for (int d = 0; d < dims.size(); d++) {
                given.add(List.of(flat.get(2 * d), flat.get(2 * d + 1)));
            }
        }
        for (int d = 0; d < dims.size(); d++) {
            CellField dim = dims.get(d);
            List<Object> r = d < given.size() ? given.get(d) : null;
            long lo = ((Number) dim.lo()).longValue();
            long hi = ((Number) dim.hi()).longValue();
            if (r != null) {
                if (r.size() != 2) {
                    throw EngineException.badRequest(
                            "a dense write gives one range per dimension; " + dim.name() + " has " + r.size() / 2);
                }
                long a = ((Number) r.get(0)).longValue();
                long b = ((Number) r.get(1)).longValue();
                if (a > b || a < lo || b > hi) {
                    throw EngineException.badRequest("the dense write's range [" + a + ", " + b + "] of " + dim.name()
                            + " is empty or outside its domain [" + lo + ", " + hi + "]");
                }
                lo = a;
                hi = b;
            }
            box[d] = new long[] {lo, hi};
        }
        return box;
    }

    private static String describe(List<CellField> dims, long[][] box) {
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < dims.size(); d++) {
            s.append(d == 0 ? "" : ", ")
                    .append(dims.get(d).name())
                    .append(" [")
                    .append(box[d][0])
                    .append(", ")
                    .append(box[d][1])
                    .append(']');
        }
        return s.toString();
    }
}
