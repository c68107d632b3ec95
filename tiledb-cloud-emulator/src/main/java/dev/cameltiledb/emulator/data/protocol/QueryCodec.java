package dev.cameltiledb.emulator.data.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.emulator.data.capnp.MessageBuilder;
import dev.cameltiledb.emulator.data.capnp.MessageReader;
import dev.cameltiledb.emulator.data.capnp.StructBuilder;
import dev.cameltiledb.emulator.data.capnp.StructReader;

/**
 * {@link QueryMessage} to and from Cap'n Proto, field by field at the places {@code capnp compile -ocapnp
 * tiledb-rest.capnp} gives (the comments name them: {@code ptr[n]} a pointer index, {@code @byte} a data offset,
 * {@code bit n} a Bool). Only this class knows the layout; the rest of the emulator sees records.
 */
public final class QueryCodec {

    // struct sizes: data words, pointers
    private static final int QUERY_DATA = 4;
    private static final int QUERY_PTRS = 17;
    private static final int HEADER_DATA = 6;
    private static final int HEADER_PTRS = 1;
    private static final int WRITER_DATA = 1;
    private static final int WRITER_PTRS = 5;
    private static final int DOMAIN_PTRS = 10;
    private static final int SUBARRAY_DATA = 1;
    private static final int SUBARRAY_PTRS = 6;
    private static final int RANGES_DATA = 1;
    private static final int RANGES_PTRS = 4;
    private static final int READER_DATA = 1;
    private static final int READER_PTRS = 5;
    private static final int READ_STATE_DATA = 1;
    private static final int READ_STATE_PTRS = 1;
    private static final int PARTITIONER_DATA = 3;
    private static final int PARTITIONER_PTRS = 5;
    private static final int PARTITION_INFO_DATA = 3;
    private static final int PARTITION_INFO_PTRS = 1;
    private static final int ARRAY_DATA = 3;
    private static final int ARRAY_PTRS = 8;
    private static final int FRAGMENT_INFO_PTRS = 2;

    /** DomainArray's lists, in pointer order, with their element widths. */
    private static final String[] DOMAIN_TYPES = {
        "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"
    };

    private static final int[] DOMAIN_WIDTHS = {1, 1, 2, 2, 4, 4, 8, 8, 4, 8};

    private QueryCodec() {}

    /** A decoded message, and where in the body it ended (the raw buffers follow). */
    public record Decoded(QueryMessage query, int length) {}

    /** The {@code Query} at the start of {@code body}; a {@code MalformedMessage} naming the field otherwise. */
    public static Decoded decode(byte[] body) {
        MessageReader message = MessageReader.read(body, "Query");
        StructReader q = message.root();
        List<QueryMessage.BufferHeader> headers = new ArrayList<>();
        for (StructReader h : q.getStructList(0, "attributeBufferHeaders")) {
            headers.add(new QueryMessage.BufferHeader(
                    h.getText(0, "name"),
                    h.getLong(0),
                    h.getLong(8),
                    h.getLong(16),
                    h.getLong(24),
                    h.getLong(32),
                    h.getLong(40)));
        }
        StructReader reader = q.getStruct(5, "reader");
        if (reader == null) {
            // TileDB's own clients put a dense read's reader here
            reader = q.getStruct(11, "denseReader");
        }
        QueryMessage query = new QueryMessage(
                q.getText(3, "type"),
                q.getText(1, "layout"),
                q.getText(2, "status"),
                headers,
                writer(q.getStruct(4, "writer")),
                reader(reader),
                array(q.getStruct(6, "array")),
                q.getText(7, "varOffsetsMode"),
                q.getBool(192),
                q.getInt(28),
                q.getLong(0),
                q.getLong(8),
                q.getLong(16),
                fragments(q));
        return new Decoded(query, message.length());
    }

    private static List<QueryMessage.WrittenFragment> fragments(StructReader q) {
        List<QueryMessage.WrittenFragment> list = new ArrayList<>();
        for (StructReader f : q.getStructList(13, "writtenFragmentInfo")) {
            long[] range = f.getLongList(1, "timestampRange");
            list.add(new QueryMessage.WrittenFragment(f.getText(0, "uri"), range == null ? new long[0] : range));
        }
        return list;
    }

    private static QueryMessage.Writer writer(StructReader w) {
        if (w == null) {
            return null;
        }
        return new QueryMessage.Writer(
                domainArray(w.getStruct(0, "subarray")), subarray(w.getStruct(1, "subarrayRanges")));
    }

    private static QueryMessage.DomainArray domainArray(StructReader d) {
        if (d == null) {
            return null;
        }
        for (int i = 0; i < DOMAIN_TYPES.length; i++) {
            byte[] raw = d.getPrimitiveList(i, DOMAIN_TYPES[i], DOMAIN_WIDTHS[i]);
            if (raw != null && raw.length > 0) {
                ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                List<Number> values = new ArrayList<>();
                for (int at = 0; at < raw.length; at += DOMAIN_WIDTHS[i]) {
                    values.add(
                            switch (DOMAIN_TYPES[i]) {
                                case "int8" -> (long) b.get(at);
                                case "uint8" -> (long) (b.get(at) & 0xFF);
                                case "int16" -> (long) b.getShort(at);
                                case "uint16" -> (long) (b.getShort(at) & 0xFFFF);
                                case "int32" -> (long) b.getInt(at);
                                case "uint32" -> b.getInt(at) & 0xFFFFFFFFL;
                                case "float32" -> (double) b.getFloat(at);
                                case "float64" -> b.getDouble(at);
                                // int64, and uint64 as its bits: a dense dimension's bounds fit a signed long
                                default -> b.getLong(at);
                            });
                }
                return new QueryMessage.DomainArray(DOMAIN_TYPES[i], values);
            }
        }
        return null;
    }

    private static QueryMessage.Subarray subarray(StructReader s) {
        if (s == null) {
            return null;
        }
        List<QueryMessage.Ranges> ranges = new ArrayList<>();
        for (StructReader r : s.getStructList(1, "ranges")) {
            ranges.add(new QueryMessage.Ranges(
                    r.getText(0, "type"),
                    r.getBool(0),
                    r.getData(1, "buffer"),
                    r.getLongList(2, "bufferSizes"),
                    r.getLongList(3, "bufferStartSizes")));
        }
        // coalesceRanges defaults to true: the wire holds the value XOR its default
        return new QueryMessage.Subarray(s.getText(0, "layout"), ranges, !s.getBool(0));
    }

    private static QueryMessage.Reader reader(StructReader r) {
        if (r == null) {
            return null;
        }
        boolean initialized = false;
        long delivered = 0;
        QueryMessage.Subarray lastCell = null;
        StructReader state = r.getStruct(2, "readState");
        if (state != null) {
            initialized = state.getBool(2);
            StructReader partitioner = state.getStruct(0, "subarrayPartitioner");
            StructReader current = partitioner == null ? null : partitioner.getStruct(2, "current");
            if (current != null) {
                delivered = current.getLong(0);
                lastCell = subarray(current.getStruct(0, "subarray"));
            }
        }
        return new QueryMessage.Reader(
                r.getText(0, "layout"), subarray(r.getStruct(1, "subarray")), initialized, delivered, lastCell);
    }

    private static QueryMessage.ArrayPart array(StructReader a) {
        if (a == null) {
            return null;
        }
        return new QueryMessage.ArrayPart(a.getLong(8), a.getLong(0), a.getText(1, "uri"), a.getText(0, "queryType"));
    }

    /** The query as a Cap'n Proto message (one segment, with its segment table). */
    public static byte[] encode(QueryMessage query) {
        MessageBuilder message = new MessageBuilder();
        StructBuilder q = message.initRoot(QUERY_DATA, QUERY_PTRS);
        List<StructBuilder> headers = q.initStructList(0, query.headers().size(), HEADER_DATA, HEADER_PTRS);
        for (int i = 0; i < headers.size(); i++) {
            QueryMessage.BufferHeader h = query.headers().get(i);
            headers.get(i)
                    .setText(0, h.name())
                    .setLong(0, h.fixedLen())
                    .setLong(8, h.varLen())
                    .setLong(16, h.validityLen())
                    .setLong(24, h.originalFixedLen())
                    .setLong(32, h.originalVarLen())
                    .setLong(40, h.originalValidityLen());
        }
        q.setText(1, query.layout()).setText(2, query.status()).setText(3, query.type());
        if (query.writer() != null) {
            StructBuilder w = q.initStruct(4, WRITER_DATA, WRITER_PTRS);
            if (query.writer().subarray() != null) {
                domainArray(w.initStruct(0, 0, DOMAIN_PTRS), query.writer().subarray());
            }
            if (query.writer().subarrayRanges() != null) {
                subarray(
                        w.initStruct(1, SUBARRAY_DATA, SUBARRAY_PTRS),
                        query.writer().subarrayRanges());
            }
        }
        if (query.reader() != null) {
            reader(q.initStruct(5, READER_DATA, READER_PTRS), query.reader());
        }
        if (query.array() != null) {
            QueryMessage.ArrayPart a = query.array();
            q.initStruct(6, ARRAY_DATA, ARRAY_PTRS)
                    .setLong(0, a.endTimestamp())
                    .setLong(8, a.startTimestamp())
                    .setText(0, a.queryType())
                    .setText(1, a.uri());
        }
        q.setText(7, query.varOffsetsMode())
                .setBool(192, query.varOffsetsAddExtraElement())
                .setInt(28, query.varOffsetsBitsize())
                .setLong(0, query.totalFixedLengthBufferBytes())
                .setLong(8, query.totalVarLenBufferBytes())
                .setLong(16, query.totalValidityBufferBytes());
        if (!query.writtenFragments().isEmpty()) {
            List<StructBuilder> infos =
                    q.initStructList(13, query.writtenFragments().size(), 0, FRAGMENT_INFO_PTRS);
            for (int i = 0; i < infos.size(); i++) {
                QueryMessage.WrittenFragment f = query.writtenFragments().get(i);
                infos.get(i).setText(0, f.uri()).setLongList(1, f.timestampRange());
            }
        }
        return message.toByteArray();
    }

    /**
     * An {@code EstimatedResultSize} (0 data words, 2 pointers): per field its {@code ResultSize} (Float64s) and
     * {@code MemorySize} (UInt64s) of {@code [fixed, var, validity]} bytes, each a {@code Map(Text, ...)}: a struct of
     * one pointer, {@code entries}, a list of {@code (key, value)} structs of two pointers.
     */
    public static byte[] encodeEstimate(java.util.Map<String, long[]> sizes) {
        MessageBuilder message = new MessageBuilder();
        StructBuilder root = message.initRoot(0, 2);
        for (int map = 0; map < 2; map++) {
            List<StructBuilder> entries = root.initStruct(map, 0, 1).initStructList(0, sizes.size(), 0, 2);
            int i = 0;
            for (java.util.Map.Entry<String, long[]> e : sizes.entrySet()) {
                StructBuilder value = entries.get(i++).setText(0, e.getKey()).initStruct(1, 3, 0);
                for (int k = 0; k < 3; k++) {
                    long v = e.getValue()[k];
                    value.setLong(8 * k, map == 0 ? Double.doubleToRawLongBits(v) : v);
                }
            }
        }
        return message.toByteArray();
    }

    private static void domainArray(StructBuilder d, QueryMessage.DomainArray values) {
        for (int i = 0; i < DOMAIN_TYPES.length; i++) {
            if (DOMAIN_TYPES[i].equals(values.type())) {
                ByteBuffer b = ByteBuffer.allocate(values.values().size() * DOMAIN_WIDTHS[i])
                        .order(ByteOrder.LITTLE_ENDIAN);
                for (Number n : values.values()) {
                    switch (DOMAIN_WIDTHS[i]) {
                        case 1 -> b.put(n.byteValue());
                        case 2 -> b.putShort(n.shortValue());
                        case 4 -> {
                            if (DOMAIN_TYPES[i].equals("float32")) {
                                b.putFloat(n.floatValue());
                            } else {
                                b.putInt(n.intValue());
                            }
                        }
                        default -> {
                            if (DOMAIN_TYPES[i].equals("float64")) {
                                b.putDouble(n.doubleValue());
                            } else {
                                b.putLong(n.longValue());
                            }
                        }
                    }
                }
                d.setPrimitiveList(i, DOMAIN_WIDTHS[i], b.array());
                return;
            }
        }
        throw new IllegalArgumentException("no DomainArray list is named " + values.type());
    }

    private static void subarray(StructBuilder s, QueryMessage.Subarray subarray) {
        s.setText(0, subarray.layout()).setBool(0, !subarray.coalesceRanges());
        List<StructBuilder> ranges = s.initStructList(1, subarray.ranges().size(), RANGES_DATA, RANGES_PTRS);
        for (int i = 0; i < ranges.size(); i++) {
            QueryMessage.Ranges r = subarray.ranges().get(i);
            StructBuilder b = ranges.get(i)
                    .setText(0, r.type())
                    .setBool(0, r.hasDefaultRange())
                    .setData(1, r.buffer());
            if (r.bufferSizes() != null) {
                b.setLongList(2, r.bufferSizes());
            }
            if (r.bufferStartSizes() != null) {
                b.setLongList(3, r.bufferStartSizes());
            }
        }
    }

    private static void reader(StructBuilder r, QueryMessage.Reader reader) {
        r.setText(0, reader.layout());
        if (reader.subarray() != null) {
            subarray(r.initStruct(1, SUBARRAY_DATA, SUBARRAY_PTRS), reader.subarray());
        }
        StructBuilder state = r.initStruct(2, READ_STATE_DATA, READ_STATE_PTRS).setBool(2, reader.initialized());
        StructBuilder partitioner = state.initStruct(0, PARTITIONER_DATA, PARTITIONER_PTRS);
        StructBuilder current = partitioner
                .initStruct(2, PARTITION_INFO_DATA, PARTITION_INFO_PTRS)
                .setLong(0, reader.delivered());
        if (reader.lastCell() != null) {
            subarray(current.initStruct(0, SUBARRAY_DATA, SUBARRAY_PTRS), reader.lastCell());
        }
    }
}
