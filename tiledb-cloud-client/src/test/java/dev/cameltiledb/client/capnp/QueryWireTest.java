package dev.cameltiledb.client.capnp;

import java.util.List;

import dev.cameltiledb.client.cells.BufferHeader;
import dev.cameltiledb.client.cells.QueryAnswer;
import dev.cameltiledb.client.cells.QueryWire;
import dev.cameltiledb.client.cells.RangeBytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The messages the client writes read back field by field at the places the schema gives them. */
class QueryWireTest {

    @Test
    void aReadRequestCarriesItsBudgetsRangesLayoutAndWindow() {
        byte[] bytes = QueryWire.readRequest(
                "col-major",
                List.of(BufferHeader.budget("a", 800, 0, 0), BufferHeader.budget("s", 80, 320, 10)),
                List.of(new RangeBytes("INT64", false, new byte[16], new long[] {16}, new long[] {0})),
                5,
                99);
        StructView q = MessageReader.of(bytes, "request").root("Query");
        assertEquals("READ", q.text(3, "type"));
        assertEquals("col-major", q.text(1, "layout"));
        assertEquals("bytes", q.text(7, "varOffsetsMode"));
        assertEquals(64, q.getInt(28));
        List<StructView> headers = q.structs(0, "attributeBufferHeaders");
        assertEquals(2, headers.size());
        assertEquals("s", headers.get(1).text(0, "name"));
        assertEquals(0, headers.get(1).getLong(0));
        assertEquals(80, headers.get(1).getLong(24));
        assertEquals(320, headers.get(1).getLong(32));
        assertEquals(10, headers.get(1).getLong(40));
        StructView reader = q.struct(5, "reader");
        assertEquals("col-major", reader.text(0, "layout"));
        StructView subarray = reader.struct(1, "subarray");
        assertFalse(subarray.getBool(0), "coalesceRanges true is stored as 0 (XOR its default)");
        StructView range = subarray.structs(1, "ranges").get(0);
        assertEquals("INT64", range.text(0, "type"));
        assertArrayEquals(new long[] {16}, range.longs(2, "bufferSizes"));
        assertEquals(16, range.data(1, "buffer").length);
        StructView array = q.struct(6, "array");
        assertEquals(99, array.getLong(0));
        assertEquals(5, array.getLong(8));
    }

    @Test
    void aWriteRequestTotalsItsBuffersAndNamesItsBox() {
        byte[] bytes = QueryWire.writeRequest(
                "row-major",
                List.of(BufferHeader.sent("v", 24, 0, 0), BufferHeader.sent("s", 24, 7, 3)),
                List.of(new RangeBytes("INT32", false, new byte[8], new long[] {8}, new long[] {0})),
                1234);
        StructView q = MessageReader.of(bytes, "request").root("Query");
        assertEquals("WRITE", q.text(3, "type"));
        assertEquals(48, q.getLong(0));
        assertEquals(7, q.getLong(8));
        assertEquals(3, q.getLong(16));
        StructView box = q.struct(4, "writer").struct(1, "subarrayRanges");
        assertEquals("INT32", box.structs(1, "ranges").get(0).text(0, "type"));
        assertEquals(1234, q.struct(6, "array").getLong(0));
    }

    @Test
    void anAnswerGivesItsStatusBuffersAndFragments() {
        MessageBuilder m = new MessageBuilder();
        StructBuilder q = m.root(4, 17);
        q.setText(2, "INCOMPLETE");
        StructBuilder[] h = q.initStructList(0, 1, 6, 1);
        h[0].setText(0, "x").setLong(0, 8).setLong(8, 0).setLong(16, 1);
        StructBuilder[] f = q.initStructList(13, 1, 0, 2);
        f[0].setText(0, "__1_1_abc").setLongs(1, new long[] {77, 77});
        QueryAnswer answer = QueryWire.answer(MessageReader.of(m.toBytes(), "answer"));
        assertTrue(answer.incomplete());
        assertEquals(9, answer.bufferBytes());
        assertEquals("__1_1_abc", answer.fragments().get(0).uri());
        assertEquals(77, answer.fragments().get(0).timestamp());
    }

    @Test
    void bytesAfterTheMessageAreLeftForTheBuffers() {
        byte[] message = QueryWire.readRequest("row-major", List.of(), List.of(), 0, 0);
        byte[] withBuffers = java.util.Arrays.copyOf(message, message.length + 100);
        MessageReader reader = MessageReader.of(withBuffers, "answer");
        assertEquals(message.length, reader.length());
        assertEquals(message.length, MessageReader.announcedLength(withBuffers, withBuffers.length));
    }
}
