package dev.cameltiledb.component.producer;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.CellsApi;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.cells.CellField;
import dev.cameltiledb.client.cells.CellInput;
import dev.cameltiledb.client.cells.CellWrite;
import dev.cameltiledb.client.cells.WrittenFragment;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBPartialWriteException;
import org.apache.camel.Message;

/**
 * {@code tiledb:arrays?operation=write}: the body's cells written as fragments of at most {@code fragmentSize} cells,
 * each one write request ({@link CellsApi#write}), at {@code writeTimestamp}. A body held whole (a List of rows, a Map
 * of columns, {@link CellColumns}) is checked entirely before the first request: a bad row fails the exchange and
 * nothing is written. A stream (an Iterator, or an Iterable that is no Collection) is read {@code fragmentSize} rows at
 * a time, each part checked before it is sent; a part that fails after others were written fails the exchange with a
 * {@link TileDBPartialWriteException}, the fragments already made staying.
 */
final class CellWrites {

    private static final Pattern INDEXED = Pattern.compile("^(row|cell) (\\d+)");

    private final CellsApi api;
    private final AssetRef array;
    private final String name;
    private final ArrayCells schema;
    private final int fragmentSize;
    private final Long timestamp;
    private final List<WrittenFragment> written = new ArrayList<>();

    private CellWrites(CellsApi api, AssetRef array, ArrayCells schema, int fragmentSize, Long timestamp) {
        this.api = api;
        this.array = array;
        this.name = array.name();
        this.schema = schema;
        this.fragmentSize = fragmentSize;
        this.timestamp = timestamp;
    }

    static void write(MessageOptions options, Message message, CellsApi cells, AssetRef array) {
        String name = classic(array, "write");
        Object body = message.getBody();
        if (body == null) {
            throw new TileDBConfigurationException("The write operation takes the cells from the body: a List of Map"
                    + " rows, a Map of columns, a CellColumns, or an Iterator of rows; the body is empty");
        }
        ArrayCells schema = cells.schema(array.namespace(), name);
        CellWrites writes = new CellWrites(
                cells,
                array,
                schema,
                options.data().getFragmentSize(),
                options.arrays().getWriteTimestamp());
        try {
            if (body instanceof Iterator<?> || (body instanceof Iterable<?> && !(body instanceof Collection<?>))) {
                Iterator<?> items = body instanceof Iterator<?> i ? i : ((Iterable<?>) body).iterator();
                try {
                    writes.stream(items);
                } finally {
                    close(items);
                    close(body);
                }
            } else {
                writes.whole(body);
            }
        } catch (TileDBPartialWriteException e) {
            writes.headers(message); // what was made, for the route's error handler
            throw e;
        }
        writes.headers(message);
        message.setBody(List.copyOf(writes.written));
    }

    /** The array's name; a workspace address is refused, naming it, before anything is sent. */
    static String classic(AssetRef array, String operation) {
        if (array.isWorkspace()) {
            throw new TileDBConfigurationException("The " + operation + " operation works on classic TileDB Cloud"
                    + " arrays, named tiledb://namespace/name; not the workspace address " + array);
        }
        return array.name();
    }

    /** A body held whole: every cell checked, then cut into fragments, then written. */
    private void whole(Object body) {
        CellWrite cells;
        try {
            cells = checked(body);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), 0, false);
        }
        List<CellWrite> fragments = cells == null ? List.of() : cut(cells);
        for (CellWrite fragment : fragments) {
            send(fragment);
        }
    }

    private CellWrite checked(Object body) {
        if (body instanceof CellColumns columns) {
            return columns.size() == 0 ? null : CellInput.columns(schema, given(columns));
        }
        if (body instanceof Map<?, ?> map && isColumns(map)) {
            @SuppressWarnings("unchecked")
            Map<String, ?> columns = (Map<String, ?>) map;
            CellWrite cells = CellInput.columns(schema, columns);
            return cells.size() == 0 ? null : cells;
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        if (body instanceof Map<?, ?> row) {
            rows.add(row(row, 0));
        } else if (body instanceof Collection<?> items) {
            for (Object item : items) {
                add(rows, item);
            }
        } else {
            throw new IllegalArgumentException("the body must be a List of Map rows, a Map of columns (a List or"
                    + " array per field), a CellColumns, or an Iterator of rows, not a "
                    + body.getClass().getName());
        }
        return rows.isEmpty() ? null : CellInput.rows(schema, rows);
    }

    /** A stream, fragmentSize rows at a time: each part checked, cut (a dense one must fill a box) and written. */
    private void stream(Iterator<?> items) {
        List<Map<String, ?>> part = new ArrayList<>();
        long first = 0;
        while (items.hasNext()) {
            List<Map<String, ?>> rows = new ArrayList<>();
            try {
                add(rows, items.next());
            } catch (IllegalArgumentException e) {
                throw refused(e.getMessage(), first + part.size(), true);
            }
            // an aggregated batch is cut where the fragments end, not where the batch does
            for (Map<String, ?> row : rows) {
                part.add(row);
                if (part.size() >= fragmentSize) {
                    first = flush(part, first);
                }
            }
        }
        flush(part, first);
    }

    /** Checks and writes the rows gathered, counted from row {@code first} of the stream; answers the next part's. */
    private long flush(List<Map<String, ?>> part, long first) {
        if (part.isEmpty()) {
            return first;
        }
        CellWrite cells;
        try {
            cells = CellInput.rows(schema, part);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), first, true);
        }
        for (CellWrite fragment : cut(cells)) {
            send(fragment);
        }
        long next = first + part.size();
        part.clear();
        return next;
    }

    /** A row, or an aggregated batch of rows (a List of Map), added to {@code rows}. */
    private static void add(List<Map<String, ?>> rows, Object item) {
        if (item instanceof Map<?, ?> row) {
            rows.add(row(row, rows.size()));
        } else if (item instanceof Collection<?> batch) {
            for (Object row : batch) {
                if (!(row instanceof Map<?, ?> map)) {
                    throw notARow(rows.size(), row);
                }
                rows.add(row(map, rows.size()));
            }
        } else {
            throw notARow(rows.size(), item);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> row(Map<?, ?> row, int index) {
        for (Object key : row.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("row " + index + " has a key that is no field name: " + key);
            }
        }
        return (Map<String, ?>) row;
    }

    private static IllegalArgumentException notARow(int index, Object item) {
        return new IllegalArgumentException("row " + index + " is a "
                + (item == null ? "null" : item.getClass().getName())
                + ", not a Map of field to value (or a List of them)");
    }

    /** A Map whose every value is a List or an array is columns; any other Map is one row. */
    private static boolean isColumns(Map<?, ?> map) {
        return !map.isEmpty()
                && map.values().stream()
                        .allMatch(v -> v instanceof List<?>
                                || (v != null && v.getClass().isArray()));
    }

    /**
     * A CellColumns as the columns a write is checked from: a nullable field with cells that hold no value becomes a
     * List with nulls there (a typed array cannot say it), and columns longer than the cells are cut to them.
     */
    private static Map<String, Object> given(CellColumns cells) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = cells.size();
        for (String field : cells.names()) {
            Object column = cells.column(field);
            if (Array.getLength(column) != n) {
                column = ColumnSlices.copy(column, 0, n);
            }
            boolean[] valid = cells.validity(field);
            if (valid != null && !allTrue(valid, n)) {
                List<Object> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(valid[i] ? Array.get(column, i) : null);
                }
                column = values;
            }
            out.put(field, column);
        }
        return out;
    }

    private static boolean allTrue(boolean[] valid, int n) {
        for (int i = 0; i < n; i++) {
            if (!valid[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Cells cut into fragments of at most fragmentSize: a sparse write anywhere; a dense write into whole slabs along
     * its first dimension, each a box of its own (at least one slab a fragment, however large a slab is).
     */
    private List<CellWrite> cut(CellWrite cells) {
        if (!schema.dense()) {
            List<CellWrite> parts = new ArrayList<>();
            for (int from = 0; from < cells.size(); from += fragmentSize) {
                int to = (int) Math.min(cells.size(), (long) from + fragmentSize);
                parts.add(new CellWrite(ColumnSlices.slice(cells.cells(), from, to), null, cells.layout()));
            }
            return parts;
        }
        List<long[]> box = cells.box() != null ? cells.box() : wholeDomain(cells.size());
        long slab = 1;
        for (int k = 1; k < box.size(); k++) {
            slab *= box.get(k)[1] - box.get(k)[0] + 1;
        }
        long slabs = Math.max(1, fragmentSize / slab);
        long lo = box.get(0)[0];
        long hi = box.get(0)[1];
        List<CellWrite> parts = new ArrayList<>();
        for (long start = lo; start <= hi; start += slabs) {
            long end = Math.min(hi, start + slabs - 1);
            List<long[]> part = new ArrayList<>(box);
            part.set(0, new long[] {start, end});
            int from = Math.toIntExact((start - lo) * slab);
            int to = Math.toIntExact((end - lo + 1) * slab);
            parts.add(new CellWrite(ColumnSlices.slice(cells.cells(), from, to), part, "row-major"));
        }
        return parts;
    }

    /** A dense write given without coordinates fills the whole domain, row-major; it must hold every cell of it. */
    private List<long[]> wholeDomain(int cells) {
        List<long[]> box = new ArrayList<>();
        long volume = 1;
        for (CellField d : schema.dimensions()) {
            box.add(new long[] {d.lo().longValue(), d.hi().longValue()});
            volume = Math.multiplyExact(volume, d.hi().longValue() - d.lo().longValue() + 1);
        }
        if (volume != cells) {
            throw refused(
                    "a dense write without coordinates fills the whole domain, " + volume + " cells, but " + cells
                            + " were given; give each cell's "
                            + schema.dimensions().stream().map(CellField::name).toList(),
                    0,
                    false);
        }
        return box;
    }

    private void send(CellWrite fragment) {
        try {
            written.add(api.write(array.namespace(), name, schema, fragment, timestamp));
        } catch (RuntimeException e) {
            if (written.isEmpty()) {
                throw e;
            }
            throw new TileDBPartialWriteException(array.toUri(), written, e);
        }
    }

    /**
     * The error for cells that do not fit: what the check said, its row counted from the body's first, what was
     * written before (a stream's earlier parts), and for a dense array the option that cuts the fragments.
     */
    private RuntimeException refused(String problem, long firstRow, boolean stream) {
        String hint = schema.dense()
                ? " (a dense write's fragments each fill a box: " + (stream ? "each " : "the body's cells, cut into ")
                        + "fragmentSize rows, header " + OptionHeaders.headerOf("fragmentSize") + ")"
                : "";
        TileDBConfigurationException error = new TileDBConfigurationException("The cells for " + array.toUri()
                + " do not fit its schema: " + shifted(problem, firstRow) + hint + "; nothing of "
                + (written.isEmpty() ? "the body" : "this part") + " was written");
        return written.isEmpty() ? error : new TileDBPartialWriteException(array.toUri(), written, error);
    }

    /** "row 3: ..." of a part that starts at row 1000 of the stream becomes "row 1003: ...". */
    static String shifted(String problem, long firstRow) {
        Matcher m = INDEXED.matcher(problem);
        if (firstRow == 0 || !m.find()) {
            return problem;
        }
        return m.replaceFirst(m.group(1) + " " + (Long.parseLong(m.group(2)) + firstRow));
    }

    /** The fragments made (all of them, or those before a failure) in the reply's headers. */
    private void headers(Message message) {
        long cells = written.stream().mapToLong(WrittenFragment::cells).sum();
        message.setHeader(TileDBConstants.FRAGMENTS, List.copyOf(written));
        message.setHeader(TileDBConstants.CELLS_WRITTEN, cells);
        if (written.isEmpty()) {
            message.removeHeader(TileDBConstants.FRAGMENT_TIMESTAMP);
            message.removeHeader(TileDBConstants.FRAGMENT_URI);
        } else {
            WrittenFragment last = written.get(written.size() - 1);
            message.setHeader(TileDBConstants.FRAGMENT_TIMESTAMP, last.timestamp());
            message.setHeader(TileDBConstants.FRAGMENT_URI, last.uri());
        }
    }

    private static void close(Object resource) {
        if (resource instanceof Closeable c) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // what fed the write is done with either way
            }
        } else if (resource instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // as above
            }
        }
    }
}
