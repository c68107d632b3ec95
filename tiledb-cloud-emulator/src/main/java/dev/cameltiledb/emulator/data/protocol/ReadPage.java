package dev.cameltiledb.emulator.data.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.cells.CellCursor;
import dev.cameltiledb.emulator.data.cells.CellField;
import dev.cameltiledb.emulator.data.cells.CellQuery;
import dev.cameltiledb.emulator.data.cells.CellSchema;
import dev.cameltiledb.emulator.data.cells.CellSnapshot;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.cells.Layout;

/**
 * One page of a read: as many whole cells as fit every field's budget (the headers' {@code original*} sizes, or the
 * {@code fixedLen*} ones when those are 0, each capped at {@link #MAX_FIELD_BYTES}), in the layout asked for. When
 * cells remain the answer is INCOMPLETE and says in itself where the next page starts: the cells delivered so far
 * and the coordinates of the last one (the reader's {@code readState}), and the end timestamp the first page read at
 * (the array's {@code endTimestamp}), so every page reads the same cells whatever is written meanwhile. The next page
 * continues after that cell by its coordinates (a keyset on the layout's order, which costs the same for the tenth
 * page as for the first); only a sparse array that allows duplicate coordinates is continued by counting cells from
 * the start. The page is the only thing held in memory: at most the budget.
 */
final class ReadPage {

    /** The most bytes per buffer one page answers, whatever the budget: a read past it comes back INCOMPLETE. */
    static final long MAX_FIELD_BYTES = 64L << 20;

    private final CellStore cells;

    ReadPage(CellStore cells) {
        this.cells = cells;
    }

    /** A field asked for, its budget, and the page's buffers of it. */
    private static final class Field {
        final QueryMessage.BufferHeader header;
        final CellField field;
        final boolean var;
        final int width;
        final long fixedBudget;
        final long varBudget;
        final long validityBudget;
        final GrowingBuffer fixed = new GrowingBuffer();
        final GrowingBuffer varPart = new GrowingBuffer();
        final GrowingBuffer validity = new GrowingBuffer();

        Field(QueryMessage.BufferHeader header, CellField field) {
            this.header = header;
            this.field = field;
            this.var = FieldBytes.varSized(field.type());
            this.width = FieldBytes.width(field.type());
            this.fixedBudget = budget(header.originalFixedLen(), header.fixedLen());
            this.varBudget = budget(header.originalVarLen(), header.varLen());
            this.validityBudget = budget(header.originalValidityLen(), header.validityLen());
        }

        private static long budget(long original, long given) {
            return Math.min(MAX_FIELD_BYTES, original > 0 ? original : given);
        }

        /** Null when the value fits what is left of the budget, else what does not fit. */
        String overflow(Object value, byte[] varBytes) {
            long fixedNeed = var ? 8 : width;
            if (fixed.size() + fixedNeed > fixedBudget) {
                return "its " + (var ? "offsets" : "values") + " buffer needs " + (fixed.size() + fixedNeed)
                        + " bytes, the budget is " + fixedBudget;
            }
            if (var && varPart.size() + (long) varBytes.length > varBudget) {
                return "its var-size buffer needs " + (varPart.size() + (long) varBytes.length)
                        + " bytes, the budget is " + varBudget;
            }
            if (field.nullable() && validity.size() + 1 > validityBudget) {
                return "its validity buffer needs " + (validity.size() + 1) + " bytes, the budget is " + validityBudget;
            }
            return null;
        }

        void add(Object value, byte[] varBytes) {
            if (var) {
                fixed.room(8).putLong(varPart.size());
                varPart.room(varBytes.length).put(varBytes);
            } else {
                FieldBytes.put(field.type(), value, fixed.room(width));
            }
            if (field.nullable()) {
                validity.room(1).put((byte) (value == null ? 0 : 1));
            }
        }

        QueryMessage.BufferHeader answered() {
            return new QueryMessage.BufferHeader(
                    header.name(),
                    fixed.size(),
                    varPart.size(),
                    validity.size(),
                    header.originalFixedLen(),
                    header.originalVarLen(),
                    header.originalValidityLen());
        }
    }

    /** A read's request checked: reader, schema, layout, fields, ranges, time window (epoch ms). */
    private record Plan(
            QueryMessage.Reader reader,
            CellSchema schema,
            Layout layout,
            List<Field> fields,
            List<List<Object>> ranges,
            long start,
            long end) {}

    private Plan plan(ArrayEntry array, QueryMessage query, Long urlStart, Long urlEnd, long now) {
        QueryMessage.Reader reader = query.reader();
        if (reader == null) {
            throw EngineException.badRequest(
                    "Query.reader is missing: a READ query gives its layout and subarray there");
        }
        CellSchema schema = cells.schema(array);
        Layout layout = Layout.parse(
                reader.layout() == null || reader.layout().isEmpty() ? query.layout() : reader.layout(),
                Layout.ROW_MAJOR,
                "Query.reader.layout");
        List<Field> fields = fields(array, schema, query);
        List<List<Object>> ranges = Subarrays.ranges(schema, reader.subarray(), "Query.reader.subarray");
        QueryMessage.ArrayPart given = query.array();
        long start = given != null && given.startTimestamp() > 0 ? given.startTimestamp() : orZero(urlStart);
        long end;
        if (reader.initialized()) {
            if (given == null || given.endTimestamp() <= 0) {
                throw EngineException.badRequest("Query.array.endTimestamp is missing: a continued read reads at the"
                        + " end timestamp its first page answered");
            }
            end = given.endTimestamp();
        } else if (given != null && given.endTimestamp() > 0) {
            end = given.endTimestamp();
        } else {
            end = urlEnd != null && urlEnd > 0 ? urlEnd : now;
        }
        return new Plan(reader, schema, layout, fields, ranges, start, end);
    }

    /**
     * Per field asked for, the bytes of its whole result (fixed, var, validity), counted by reading the cells (in a
     * fixed amount of memory): the estimate is exact.
     */
    java.util.Map<String, long[]> estimate(ArrayEntry array, QueryMessage query, Long urlStart, Long urlEnd, long now) {
        Plan p = plan(array, query, urlStart, urlEnd, now);
        List<String> names = p.fields().stream().map(f -> f.field.name()).toList();
        CellQuery cellQuery = new CellQuery(p.ranges(), names, p.layout(), p.start() > 0 ? p.start() : null, p.end());
        long[][] sizes = new long[names.size()][3];
        try (CellSnapshot snapshot = cells.snapshot();
                CellCursor cursor = snapshot.open(array, cellQuery)) {
            while (cursor.next()) {
                for (int i = 0; i < names.size(); i++) {
                    Field f = p.fields().get(i);
                    sizes[i][0] += f.var ? 8 : f.width;
                    if (f.var) {
                        sizes[i][1] += FieldBytes.varBytes(cursor.value(i)).length;
                    }
                    if (f.field.nullable()) {
                        sizes[i][2]++;
                    }
                }
            }
        }
        java.util.Map<String, long[]> estimate = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            estimate.put(names.get(i), sizes[i]);
        }
        return estimate;
    }

    ProtocolAnswer read(ArrayEntry array, QueryMessage query, Long urlStart, Long urlEnd, long now) {
        Plan p = plan(array, query, urlStart, urlEnd, now);
        QueryMessage.Reader reader = p.reader();
        CellSchema schema = p.schema();
        Layout layout = p.layout();
        List<Field> fields = p.fields();
        List<List<Object>> ranges = p.ranges();
        QueryMessage.ArrayPart given = query.array();
        long start = p.start();
        long end = p.end();
        // the cursor gives the asked-for fields, then any dimension not asked for (the keyset needs coordinates)
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.field.name()));
        List<CellField> dims = schema.dimensions();
        int[] dimAt = new int[dims.size()];
        for (int d = 0; d < dims.size(); d++) {
            int at = names.indexOf(dims.get(d).name());
            if (at < 0) {
                at = names.size();
                names.add(dims.get(d).name());
            }
            dimAt[d] = at;
        }
        CellQuery cellQuery = new CellQuery(ranges, names, layout, start > 0 ? start : null, end);
        long delivered = reader.initialized() ? reader.delivered() : 0;
        long skip = 0;
        if (delivered > 0) {
            List<Object> last = schema.allowsDuplicates()
                    ? null
                    : Subarrays.point(
                            schema, reader.lastCell(), "Query.reader.readState.subarrayPartitioner.current.subarray");
            if (last != null) {
                cellQuery = cellQuery.continuedAfter(last);
            } else {
                skip = delivered;
            }
        }
        int count = 0;
        boolean more = false;
        Object[] lastCell = null;
        try (CellSnapshot snapshot = cells.snapshot();
                CellCursor cursor = snapshot.open(array, cellQuery)) {
            for (long s = 0; s < skip && cursor.next(); s++) {
                // a read of an array with duplicate coordinates continues by counting (no keyset tells them apart)
            }
            byte[][] varBytes = new byte[fields.size()][];
            while (cursor.next()) {
                String overflow = null;
                Field full = null;
                for (int i = 0; i < fields.size() && overflow == null; i++) {
                    Field f = fields.get(i);
                    Object v = cursor.value(i);
                    varBytes[i] = f.var ? FieldBytes.varBytes(v) : null;
                    overflow = f.overflow(v, varBytes[i]);
                    full = f;
                }
                if (overflow != null) {
                    if (count == 0) {
                        throw EngineException.badRequest("the budget of " + full.field.name() + " holds not even"
                                + " one cell: " + overflow + " (Query.attributeBufferHeaders, original*"
                                + "BufferSizeInBytes)");
                    }
                    more = true;
                    break;
                }
                for (int i = 0; i < fields.size(); i++) {
                    fields.get(i).add(cursor.value(i), varBytes[i]);
                }
                lastCell = new Object[dims.size()];
                for (int d = 0; d < dims.size(); d++) {
                    lastCell[d] = cursor.value(dimAt[d]);
                }
                count++;
            }
        }
        List<QueryMessage.BufferHeader> headers = new ArrayList<>();
        List<byte[]> buffers = new ArrayList<>();
        for (Field f : fields) {
            headers.add(f.answered());
            buffers.add(f.fixed.bytes());
            buffers.add(f.varPart.bytes());
            buffers.add(f.validity.bytes());
        }
        QueryMessage.Subarray last = lastCell == null ? reader.lastCell() : Subarrays.ofPoint(schema, lastCell);
        QueryMessage.Reader position =
                new QueryMessage.Reader(layout.wire(), reader.subarray(), true, delivered + count, last);
        QueryMessage.ArrayPart pinned =
                new QueryMessage.ArrayPart(start, end, given == null ? array.uri() : given.uri(), "READ");
        return new ProtocolAnswer(
                query.answered(more ? "INCOMPLETE" : "COMPLETED", headers, position, pinned), buffers);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static List<Field> fields(ArrayEntry array, CellSchema schema, QueryMessage query) {
        if (query.headers().isEmpty()) {
            throw EngineException.badRequest("Query.attributeBufferHeaders is empty: a read names the fields it"
                    + " returns there, with their buffers' budgets");
        }
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < query.headers().size(); i++) {
            QueryMessage.BufferHeader h = query.headers().get(i);
            CellField f = h.name() == null ? null : schema.field(h.name());
            if (f == null) {
                throw EngineException.badRequest("Query.attributeBufferHeaders[" + i + "] names " + h.name()
                        + ", which " + array.uri() + " does not have (it has "
                        + schema.fields().stream().map(CellField::name).toList() + ")");
            }
            if (!seen.add(f.name())) {
                throw EngineException.badRequest("Query.attributeBufferHeaders names " + f.name() + " twice");
            }
            fields.add(new Field(h, f));
        }
        return fields;
    }
}
