package dev.cameltiledb.client.cells;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.client.capnp.MessageBuilder;
import dev.cameltiledb.client.capnp.MessageReader;
import dev.cameltiledb.client.capnp.StructBuilder;
import dev.cameltiledb.client.capnp.StructView;

/**
 * The {@code Query} messages of TileDB's REST query protocol, in the subset this client writes and reads. The places
 * (pointer indexes, byte and bit offsets, struct sizes) are those {@code capnp compile -ocapnp} gives for
 * {@code tiledb-rest.capnp}; docs/capnp-subset.md lists them.
 */
public final class QueryWire {

    // Query: 4 data words, 17 pointers
    private static final int QUERY_DATA = 4;
    private static final int QUERY_PTRS = 17;
    private static final int Q_HEADERS = 0;
    private static final int Q_LAYOUT = 1;
    private static final int Q_STATUS = 2;
    private static final int Q_TYPE = 3;
    private static final int Q_WRITER = 4;
    private static final int Q_READER = 5;
    private static final int Q_ARRAY = 6;
    private static final int Q_VAR_OFFSETS_MODE = 7;
    private static final int Q_WRITTEN_FRAGMENTS = 13;
    private static final int Q_TOTAL_FIXED = 0;
    private static final int Q_TOTAL_VAR = 8;
    private static final int Q_TOTAL_VALIDITY = 16;
    private static final int Q_VAR_OFFSETS_EXTRA_BIT = 192;
    private static final int Q_VAR_OFFSETS_BITSIZE = 28;
    // AttributeBufferHeader: 6 data words, 1 pointer
    private static final int HEADER_DATA = 6;
    // QueryReader, Writer, Subarray, SubarrayRanges: 1 data word; 5, 5, 6, 4 pointers
    private static final int READER_PTRS = 5;
    private static final int WRITER_PTRS = 5;
    private static final int SUBARRAY_PTRS = 6;
    private static final int RANGES_PTRS = 4;
    // Array: 3 data words, 8 pointers
    private static final int ARRAY_DATA = 3;
    private static final int ARRAY_PTRS = 8;

    private QueryWire() {}

    /** A read: the fields' budgets, the ranges per dimension, the layout, the time window (epoch ms, 0 = open). */
    public static byte[] readRequest(
            String layout,
            List<BufferHeader> budgets,
            List<RangeBytes> ranges,
            long startTimestamp,
            long endTimestamp) {
        MessageBuilder m = new MessageBuilder();
        StructBuilder q = query(m, "READ", layout, budgets);
        StructBuilder reader = q.initStruct(Q_READER, 1, READER_PTRS);
        reader.setText(0, layout);
        subarray(reader.initStruct(1, 1, SUBARRAY_PTRS), layout, ranges);
        array(q, "READ", startTimestamp, endTimestamp);
        return m.toBytes();
    }

    /** A write: the fields' buffers (sent after the message) and, for a dense write, the box it fills. */
    public static byte[] writeRequest(String layout, List<BufferHeader> buffers, List<RangeBytes> box, long timestamp) {
        MessageBuilder m = new MessageBuilder();
        StructBuilder q = query(m, "WRITE", layout, buffers);
        long fixed = 0;
        long var = 0;
        long validity = 0;
        for (BufferHeader b : buffers) {
            fixed += b.fixedBytes();
            var += b.varBytes();
            validity += b.validityBytes();
        }
        q.setLong(Q_TOTAL_FIXED, fixed).setLong(Q_TOTAL_VAR, var).setLong(Q_TOTAL_VALIDITY, validity);
        StructBuilder writer = q.initStruct(Q_WRITER, 1, WRITER_PTRS);
        if (box != null) {
            subarray(writer.initStruct(1, 1, SUBARRAY_PTRS), layout, box);
        }
        array(q, "WRITE", timestamp, timestamp);
        return m.toBytes();
    }

    private static StructBuilder query(MessageBuilder m, String type, String layout, List<BufferHeader> headers) {
        StructBuilder q = m.root(QUERY_DATA, QUERY_PTRS);
        q.setText(Q_TYPE, type).setText(Q_LAYOUT, layout).setText(Q_STATUS, "UNINITIALIZED");
        q.setText(Q_VAR_OFFSETS_MODE, "bytes")
                .setBool(Q_VAR_OFFSETS_EXTRA_BIT, false)
                .setInt(Q_VAR_OFFSETS_BITSIZE, 64);
        StructBuilder[] hs = q.initStructList(Q_HEADERS, headers.size(), HEADER_DATA, 1);
        for (int i = 0; i < hs.length; i++) {
            BufferHeader h = headers.get(i);
            hs[i].setText(0, h.name())
                    .setLong(0, h.fixedBytes())
                    .setLong(8, h.varBytes())
                    .setLong(16, h.validityBytes())
                    .setLong(24, h.originalFixedBytes())
                    .setLong(32, h.originalVarBytes())
                    .setLong(40, h.originalValidityBytes());
        }
        return q;
    }

    private static void subarray(StructBuilder s, String layout, List<RangeBytes> ranges) {
        s.setText(0, layout);
        s.setBool(0, false); // coalesceRanges, stored XOR its default true: true
        StructBuilder[] rs = s.initStructList(1, ranges.size(), 1, RANGES_PTRS);
        for (int i = 0; i < rs.length; i++) {
            RangeBytes r = ranges.get(i);
            rs[i].setText(0, r.type()).setBool(0, r.wholeDomain()).setData(1, r.buffer());
            rs[i].setLongs(2, r.sizes()).setLongs(3, r.startSizes());
        }
    }

    private static void array(StructBuilder q, String type, long start, long end) {
        StructBuilder a = q.initStruct(Q_ARRAY, ARRAY_DATA, ARRAY_PTRS);
        a.setLong(0, end).setLong(8, start).setText(0, type);
    }

    /** Reads an answer's message (the bytes after it are its buffers, not read here). */
    public static QueryAnswer answer(MessageReader message) {
        StructView q = message.root("Query");
        List<BufferHeader> headers = new ArrayList<>();
        for (StructView h : q.structs(Q_HEADERS, "attributeBufferHeaders")) {
            headers.add(new BufferHeader(
                    h.text(0, "name"),
                    h.getLong(0),
                    h.getLong(8),
                    h.getLong(16),
                    h.getLong(24),
                    h.getLong(32),
                    h.getLong(40)));
        }
        List<WrittenFragment> fragments = new ArrayList<>();
        for (StructView f : q.structs(Q_WRITTEN_FRAGMENTS, "writtenFragmentInfo")) {
            long[] range = f.longs(1, "timestampRange");
            fragments.add(new WrittenFragment(f.text(0, "uri"), range.length == 0 ? 0 : range[range.length - 1], -1));
        }
        return new QueryAnswer(q.text(Q_STATUS, "status"), headers, fragments);
    }
}
