package dev.cameltiledb.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.cameltiledb.emulator.data.capnp.MalformedMessage;
import dev.cameltiledb.emulator.data.capnp.MessageBuilder;
import dev.cameltiledb.emulator.data.capnp.MessageReader;
import dev.cameltiledb.emulator.data.capnp.StructReader;
import dev.cameltiledb.emulator.data.protocol.QueryCodec;
import dev.cameltiledb.emulator.data.protocol.QueryMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's Cap'n Proto codec: its own round trip, messages laid out by hand (far and double-far pointers over
 * several segments, a struct shorter than the schema), its limits, and, where the {@code capnp} tool is installed,
 * the reference implementation reading what the emulator writes and the emulator reading what it writes, across
 * segments as small as it can make them.
 */
class CapnpCodecTest {

    private static QueryMessage sample() {
        QueryMessage.Ranges ids =
                new QueryMessage.Ranges("INT64", false, le(1L, 10L, 20L, 30L), new long[] {16, 16}, new long[] {0, 0});
        QueryMessage.Ranges names = new QueryMessage.Ranges(
                "STRING_ASCII", true, "abxyz".getBytes(StandardCharsets.US_ASCII), new long[] {5}, new long[] {2});
        QueryMessage.Subarray subarray = new QueryMessage.Subarray("row-major", List.of(ids, names), false);
        QueryMessage.Reader reader = new QueryMessage.Reader("col-major", subarray, true, 12345, subarray);
        return new QueryMessage(
                "READ",
                "col-major",
                "INCOMPLETE",
                List.of(
                        new QueryMessage.BufferHeader("a", 1, 2, 3, 4, 5, 6),
                        new QueryMessage.BufferHeader("ünïcode", 0, 0, 0, 1L << 40, 0, 7)),
                new QueryMessage.Writer(new QueryMessage.DomainArray("int32", List.of(1L, 4L, -2L, 8L)), subarray),
                reader,
                new QueryMessage.ArrayPart(100, 200, "tiledb://alice/a", "READ"),
                "bytes",
                true,
                64,
                11,
                12,
                13,
                List.of(new QueryMessage.WrittenFragment("frag", new long[] {7, 8})));
    }

    private static byte[] le(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    @Test
    void aQueryRoundTripsThroughTheCodec() {
        QueryMessage q = sample();
        byte[] bytes = QueryCodec.encode(q);
        byte[] withTrailer = java.util.Arrays.copyOf(bytes, bytes.length + 100);
        QueryCodec.Decoded d = QueryCodec.decode(withTrailer);
        assertEquals(bytes.length, d.length(), "the message ends where the buffers begin");
        assertSame(q, d.query());
    }

    /** Records holding arrays compare by identity: compare them field by field. */
    private static void assertSame(QueryMessage a, QueryMessage b) {
        assertEquals(a.type(), b.type());
        assertEquals(a.layout(), b.layout());
        assertEquals(a.status(), b.status());
        assertEquals(a.headers(), b.headers());
        assertEquals(a.writer().subarray(), b.writer().subarray());
        assertSubarray(a.writer().subarrayRanges(), b.writer().subarrayRanges());
        assertEquals(a.reader().layout(), b.reader().layout());
        assertEquals(a.reader().initialized(), b.reader().initialized());
        assertEquals(a.reader().delivered(), b.reader().delivered());
        assertSubarray(a.reader().subarray(), b.reader().subarray());
        assertSubarray(a.reader().lastCell(), b.reader().lastCell());
        assertEquals(a.array(), b.array());
        assertEquals(a.varOffsetsMode(), b.varOffsetsMode());
        assertEquals(a.varOffsetsAddExtraElement(), b.varOffsetsAddExtraElement());
        assertEquals(a.varOffsetsBitsize(), b.varOffsetsBitsize());
        assertEquals(a.totalFixedLengthBufferBytes(), b.totalFixedLengthBufferBytes());
        assertEquals(a.totalVarLenBufferBytes(), b.totalVarLenBufferBytes());
        assertEquals(a.totalValidityBufferBytes(), b.totalValidityBufferBytes());
        assertEquals(a.writtenFragments().size(), b.writtenFragments().size());
        for (int i = 0; i < a.writtenFragments().size(); i++) {
            assertEquals(
                    a.writtenFragments().get(i).uri(),
                    b.writtenFragments().get(i).uri());
            assertArrayEquals(
                    a.writtenFragments().get(i).timestampRange(),
                    b.writtenFragments().get(i).timestampRange());
        }
    }

    private static void assertSubarray(QueryMessage.Subarray a, QueryMessage.Subarray b) {
        assertEquals(a.layout(), b.layout());
        assertEquals(a.coalesceRanges(), b.coalesceRanges());
        assertEquals(a.ranges().size(), b.ranges().size());
        for (int i = 0; i < a.ranges().size(); i++) {
            QueryMessage.Ranges x = a.ranges().get(i);
            QueryMessage.Ranges y = b.ranges().get(i);
            assertEquals(x.type(), y.type());
            assertEquals(x.hasDefaultRange(), y.hasDefaultRange());
            assertArrayEquals(x.buffer(), y.buffer());
            assertArrayEquals(x.bufferSizes(), y.bufferSizes());
            assertArrayEquals(x.bufferStartSizes(), y.bufferStartSizes());
        }
    }

    /** Words, little-endian, with a segment table for segments of the given sizes. */
    private static byte[] message(int[] sizes, long... words) {
        int table = (4 + 4 * sizes.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(table + words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, sizes.length - 1);
        for (int i = 0; i < sizes.length; i++) {
            b.putInt(4 + 4 * i, sizes[i]);
        }
        for (int i = 0; i < words.length; i++) {
            b.putLong(table + 8 * i, words[i]);
        }
        return b.array();
    }

    private static long structPointer(int offset, int dataWords, int pointers) {
        return ((long) (offset << 2) & 0xFFFFFFFFL) | ((long) dataWords << 32) | ((long) pointers << 48);
    }

    private static long farPointer(boolean twoWords, int offset, int segment) {
        return 2L | (twoWords ? 4L : 0L) | ((long) offset << 3) | ((long) segment << 32);
    }

    private static long textPointer(int offset, int bytesWithNul) {
        return 1L | ((long) (offset << 2) & 0xFFFFFFFFL) | (2L << 32) | ((long) bytesWithNul << 35);
    }

    @Test
    void farAndDoubleFarPointersLeadAcrossSegmentsAndAShortStructReadsItsMissingFieldsAsDefaults() {
        // a Query of an old writer: 1 data word, 4 pointers (type = ptr[3]), in segment 2; reached through a
        // double-far pointer whose landing pad (segment 1) is a far pointer to it and its tag
        long read = ByteBuffer.wrap("READ\0\0\0\0".getBytes(StandardCharsets.US_ASCII))
                .order(ByteOrder.LITTLE_ENDIAN)
                .getLong();
        byte[] doubleFar = message(
                new int[] {1, 2, 6},
                farPointer(true, 0, 1),
                farPointer(false, 0, 2),
                structPointer(0, 1, 4),
                42L,
                0,
                0,
                0,
                textPointer(0, 5),
                read);
        QueryMessage q = QueryCodec.decode(doubleFar).query();
        assertEquals("READ", q.type());
        assertEquals(42L, q.totalFixedLengthBufferBytes());
        assertEquals(0L, q.totalValidityBufferBytes(), "past the data section: the default");
        assertNull(q.reader(), "past the pointer section: null");
        assertNull(q.status());

        // a single far pointer: the landing pad in segment 1 is the struct's pointer, the struct follows it
        byte[] singleFar = message(
                new int[] {1, 7},
                farPointer(false, 0, 1),
                structPointer(0, 1, 4),
                7L,
                0,
                0,
                0,
                textPointer(0, 6),
                ByteBuffer.wrap("WRITE\0\0\0".getBytes(StandardCharsets.US_ASCII))
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getLong());
        QueryMessage w = QueryCodec.decode(singleFar).query();
        assertEquals("WRITE", w.type());
        assertEquals(7L, w.totalFixedLengthBufferBytes());
    }

    @Test
    void aSubarrayWithoutItsBoolsCoalescesRangesByDefault() {
        // Subarray.coalesceRanges = true is stored XOR its default: a zero bit, or no data section at all, is true
        MessageBuilder m = new MessageBuilder();
        m.initRoot(4, 17).initStruct(5, 1, 5).initStruct(1, 0, 2);
        QueryMessage q = QueryCodec.decode(m.toByteArray()).query();
        assertTrue(q.reader().subarray().coalesceRanges());
        assertFalse(q.reader().initialized());
    }

    @Test
    void pointersOutsideTheirSegmentAndCutShortMessagesAreRefusedNamingTheField() {
        byte[] outside = message(new int[] {2}, structPointer(0, 0, 1), textPointer(5, 10));
        MalformedMessage e = assertThrows(
                MalformedMessage.class,
                () -> MessageReader.read(outside, "Query").root().getText(0, "layout"));
        assertTrue(
                e.getMessage().contains("Query.layout") && e.getMessage().contains("outside its segment"),
                e.getMessage());
        byte[] cut = java.util.Arrays.copyOf(message(new int[] {3}, 0, 0, 0), 20);
        MalformedMessage c = assertThrows(MalformedMessage.class, () -> MessageReader.read(cut, "Query"));
        assertTrue(c.getMessage().contains("cut short"), c.getMessage());
        byte[] list = message(new int[] {2}, structPointer(0, 0, 1), textPointer(0, 3));
        MalformedMessage s = assertThrows(
                MalformedMessage.class,
                () -> MessageReader.read(list, "Query").root().getStruct(0, "reader"));
        assertTrue(s.getMessage().contains("Query.reader must be a struct"), s.getMessage());
        byte[] farAway = message(new int[] {1}, farPointer(false, 0, 9));
        MalformedMessage f = assertThrows(MalformedMessage.class, () -> QueryCodec.decode(farAway));
        assertTrue(f.getMessage().contains("names segment 9"), f.getMessage());
    }

    @Test
    void aMessageThatReadsTheSameDataOverAndOverPassesTheTraversalLimit() {
        MessageBuilder m = new MessageBuilder();
        m.initRoot(0, 1).setData(0, new byte[8000]);
        StructReader root = MessageReader.read(m.toByteArray(), "Query").root();
        MalformedMessage e = assertThrows(MalformedMessage.class, () -> {
            for (int i = 0; i < 100; i++) {
                root.getData(0, "buffer");
            }
        });
        assertTrue(e.getMessage().contains("traversal limit"), e.getMessage());
    }

    @Test
    void aStructThatContainsItselfPassesTheNestingLimit() {
        // the root struct's only pointer points at the root struct
        byte[] loop = message(new int[] {2}, structPointer(0, 0, 1), structPointer(-1, 0, 1));
        StructReader root = MessageReader.read(loop, "Query").root();
        MalformedMessage e = assertThrows(MalformedMessage.class, () -> {
            StructReader s = root;
            for (int i = 0; i < 100; i++) {
                s = s.getStruct(0, "next");
            }
        });
        assertTrue(e.getMessage().contains("deeper than 64"), e.getMessage());
    }

    // ---- against the reference implementation, the capnp tool

    private static Path schema() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/capnp"))
                        && Files.isRegularFile(Path.of("/usr/include/capnp/c++.capnp")),
                "CapnpCodecTest: the capnp tool (/usr/bin/capnp, with /usr/include/capnp) is not installed: the"
                        + " cross-check with Cap'n Proto's reference implementation is skipped");
        Path schema = OfficialSpecs.directory().resolve("tiledb-rest.capnp");
        Assumptions.assumeTrue(Files.isRegularFile(schema), "no " + schema + ": the cross-check is skipped");
        return schema;
    }

    private static byte[] capnp(byte[] input, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("capnp"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        try (var in = p.getOutputStream()) {
            in.write(input);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + err);
        return out.toByteArray();
    }

    @Test
    void theReferenceImplementationReadsWhatTheEmulatorWrites() throws Exception {
        Path schema = schema();
        String text = new String(
                capnp(QueryCodec.encode(sample()), "decode", "-I/usr/include", schema.toString(), "Query"),
                StandardCharsets.UTF_8);
        for (String part : List.of(
                "name = \"a\"",
                "fixedLenBufferSizeInBytes = 1",
                "originalFixedLenBufferSizeInBytes = 1099511627776",
                "name = \"ünïcode\"",
                "type = \"READ\"",
                "status = \"INCOMPLETE\"",
                "int32 = [1, 4, -2, 8]",
                "coalesceRanges = false",
                "bufferSizes = [16, 16]",
                "hasDefaultRange = true",
                "initialized = true",
                "start = 12345",
                "endTimestamp = 200",
                "startTimestamp = 100",
                "uri = \"tiledb://alice/a\"",
                "varOffsetsMode = \"bytes\"",
                "varOffsetsAddExtraElement = true",
                "varOffsetsBitsize = 64",
                "totalValidityBufferBytes = 13",
                "timestampRange = [7, 8]")) {
            assertTrue(text.contains(part), "capnp decode shows " + part + ":\n" + text);
        }
    }

    @Test
    void theEmulatorReadsWhatTheReferenceImplementationWritesInSegmentsOfAnySize() throws Exception {
        Path schema = schema();
        String text = "(attributeBufferHeaders = [(name = \"v\", fixedLenBufferSizeInBytes = 8,"
                + " originalFixedLenBufferSizeInBytes = 64), (name = \"s\", varLenBufferSizeInBytes = 3)],"
                + " layout = \"row-major\", status = \"UNINITIALIZED\", type = \"READ\","
                + " reader = (layout = \"global-order\", subarray = (layout = \"row-major\", ranges = ["
                + "(type = \"INT64\", hasDefaultRange = false, buffer = 0x\"0100000000000000 0900000000000000\","
                + " bufferSizes = [16], bufferStartSizes = [0])]),"
                + " readState = (initialized = true, subarrayPartitioner = (current = (start = 77)))),"
                + " array = (endTimestamp = 5000, uri = \"tiledb://alice/x\"), varOffsetsBitsize = 64)\n";
        for (String segments : List.of("", "--segment-size=1", "--segment-size=2", "--segment-size=3")) {
            List<String> args = new java.util.ArrayList<>(List.of("encode", "-I/usr/include"));
            if (!segments.isEmpty()) {
                args.add(segments);
            }
            args.add(schema.toString());
            args.add("Query");
            byte[] bytes = capnp(text.getBytes(StandardCharsets.UTF_8), args.toArray(String[]::new));
            QueryMessage q = QueryCodec.decode(bytes).query();
            String where = segments.isEmpty() ? "one segment" : segments;
            assertEquals("READ", q.type(), where);
            assertEquals(
                    List.of(
                            new QueryMessage.BufferHeader("v", 8, 0, 0, 64, 0, 0),
                            new QueryMessage.BufferHeader("s", 0, 3, 0, 0, 0, 0)),
                    q.headers(),
                    where);
            assertEquals("global-order", q.reader().layout(), where);
            assertTrue(q.reader().initialized(), where);
            assertEquals(77, q.reader().delivered(), where);
            assertTrue(q.reader().subarray().coalesceRanges(), where + ": the default, true");
            assertArrayEquals(le(1, 9), q.reader().subarray().ranges().get(0).buffer(), where);
            assertEquals(5000, q.array().endTimestamp(), where);
            assertEquals("tiledb://alice/x", q.array().uri(), where);
        }
    }
}
