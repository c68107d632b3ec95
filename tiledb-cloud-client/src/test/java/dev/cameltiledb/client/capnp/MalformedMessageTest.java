package dev.cameltiledb.client.capnp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages a broken or hostile server could send: each is refused with an error naming the message and field. */
class MalformedMessageTest {

    private static byte[] message(long... words) {
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(words.length);
        for (long w : words) {
            b.putLong(w);
        }
        return b.array();
    }

    private static long structPointer(int offset, int dataWords, int pointers) {
        return ((long) offset << 2) & 0xFFFF_FFFCL | ((long) dataWords << 32) | ((long) pointers << 48);
    }

    @Test
    void aMessageCutShortIsNamed() {
        byte[] whole = message(structPointer(0, 1, 0), 42);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 4);
        CapnpFormatException e =
                assertThrows(CapnpFormatException.class, () -> MessageReader.of(cut, "the answer's Query"));
        assertTrue(e.getMessage().startsWith("the answer's Query is cut short"), e.getMessage());
    }

    @Test
    void aPointerOutsideItsSegmentNamesTheField() {
        // root: 0 data words, 1 pointer; that pointer claims a struct 100 words away
        byte[] bad = message(structPointer(0, 0, 1), structPointer(100, 1, 0));
        StructView root = MessageReader.of(bad, "answer").root("Query");
        CapnpFormatException e = assertThrows(CapnpFormatException.class, () -> root.struct(0, "reader"));
        assertTrue(e.getMessage().contains("Query.reader points outside its segment"), e.getMessage());
    }

    @Test
    void aListPointingAtItselfOverAndOverHitsTheTraversalLimit() {
        // root has one pointer: a composite list of many elements, each re-reading the same words
        long tag = (1_000_000L << 2) | (0L << 32) | (0L << 48); // a million empty structs in 0 words
        long list = (0L << 2) | 1 | (7L << 32) | (0L << 35);
        byte[] bad = message(structPointer(0, 0, 1), list, tag);
        StructView root = MessageReader.of(bad, "answer").root("Query");
        // a million zero-sized elements take no words, but visiting each costs: refused before any is visited
        CapnpFormatException e =
                assertThrows(CapnpFormatException.class, () -> root.structs(0, "attributeBufferHeaders"));
        assertTrue(e.getMessage().contains("Query.attributeBufferHeaders"), e.getMessage());
    }

    @Test
    void aStructReadAgainAndAgainStopsAtTheTraversalLimit() {
        // the root's pointer points back at the root: reading it forever must stop
        byte[] loop = message(structPointer(0, 0, 1), structPointer(-2, 0, 1));
        MessageReader reader = MessageReader.of(loop, "answer");
        CapnpFormatException e = assertThrows(CapnpFormatException.class, () -> {
            StructView s = reader.root("Query");
            for (int i = 0; i < 100_000; i++) {
                s = s.struct(0, "reader");
            }
        });
        assertTrue(
                e.getMessage().contains("nests deeper") || e.getMessage().contains("visit more words"), e.getMessage());
    }

    @Test
    void tooManySegmentsAreRefusedBeforeAnyIsRead() {
        byte[] bad = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(100_000)
                .array();
        CapnpFormatException e = assertThrows(CapnpFormatException.class, () -> MessageReader.of(bad, "answer"));
        assertTrue(e.getMessage().contains("100001 segments"), e.getMessage());
    }

    @Test
    void textWithoutItsNulIsRefused() {
        long textList = (0L << 2) | 1 | (2L << 32) | (3L << 35);
        byte[] bad = message(structPointer(0, 0, 1), textList, 0x636261L); // "abc", no NUL
        StructView root = MessageReader.of(bad, "answer").root("Query");
        CapnpFormatException e = assertThrows(CapnpFormatException.class, () -> root.text(0, "status"));
        assertTrue(e.getMessage().contains("Query.status is text without its closing NUL"), e.getMessage());
    }

    @Test
    void aStructWhereAListBelongsIsNamed() {
        byte[] bad = message(structPointer(0, 0, 1), structPointer(0, 1, 0), 5);
        StructView root = MessageReader.of(bad, "answer").root("Query");
        CapnpFormatException e = assertThrows(CapnpFormatException.class, () -> root.text(0, "status"));
        assertTrue(e.getMessage().contains("should point to a list, but points to a struct"), e.getMessage());
    }

    @Test
    void farPointersAcrossSegmentsAreFollowed() {
        // segment 0: root pointer (far, to a landing pad in segment 1); segment 1: pad, then the struct (1 data word)
        long far = 2L | (0L << 3) | (1L << 32);
        long pad = structPointer(0, 1, 0);
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 8 * 2 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1).putInt(1).putInt(2).putInt(0);
        b.putLong(far).putLong(pad).putLong(7);
        StructView root = MessageReader.of(b.array(), "answer").root("Query");
        assertEquals(7, root.getLong(0));
        assertEquals(0, root.getLong(8), "a field past a short struct reads as its default");
    }

    @Test
    void doubleFarPointersAreFollowed() {
        // segment 0: root (double far to segment 1 word 0); segment 1: landing pad (far to segment 2 word 0) + tag;
        // segment 2: the struct's one data word
        long doubleFar = 2L | 4L | (0L << 3) | (1L << 32);
        long padFar = 2L | (0L << 3) | (2L << 32);
        long tag = structPointer(0, 1, 0);
        ByteBuffer b = ByteBuffer.allocate(16 + 8 + 16 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(2).putInt(1).putInt(2).putInt(1);
        b.putLong(doubleFar).putLong(padFar).putLong(tag).putLong(99);
        assertEquals(99, MessageReader.of(b.array(), "answer").root("Query").getLong(0));
    }
}
