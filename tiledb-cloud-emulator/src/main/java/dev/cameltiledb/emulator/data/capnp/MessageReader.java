package dev.cameltiledb.emulator.data.capnp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a Cap'n Proto message in the standard stream framing (segment table, then the segments) from a byte array,
 * without copying it. Pointers are followed on demand ({@link StructReader}), each checked against its segment; far
 * pointers and double-far landing pads are resolved across segments. Two limits keep a hostile message from costing
 * more than its size: the words all reads may visit (the traversal limit, as Cap'n Proto's own readers keep, so a
 * message of pointers that all point at one big list cannot be read a million times) and the depth of nested structs.
 * The bytes after the message (a query's raw buffers) are not the message's: {@link #length()} says where it ends.
 */
public final class MessageReader {

    /** The most segments a message may have; Cap'n Proto's own readers allow 512. */
    static final int MAX_SEGMENTS = 512;
    /** How deep structs may nest; Cap'n Proto's own default is 64. */
    static final int NESTING_LIMIT = 64;

    final ByteBuffer bytes;
    private final String rootName;
    /** Per segment, its first byte in {@link #bytes} and its size in words. */
    private final int[] segmentStart;

    private final int[] segmentWords;
    private final int length;
    private long traversalLeft;

    private MessageReader(ByteBuffer bytes, String rootName, int[] segmentStart, int[] segmentWords, int length) {
        this.bytes = bytes;
        this.rootName = rootName;
        this.segmentStart = segmentStart;
        this.segmentWords = segmentWords;
        this.length = length;
        long words = 0;
        for (int w : segmentWords) {
            words += w;
        }
        // every word may be read a few times over (a default or a shared far pad); not a million
        this.traversalLeft = Math.max(1024, words * 8);
    }

    /**
     * The message at the start of {@code data} (the bytes after it are not read); {@code rootName} names its root
     * struct in errors. A {@link MalformedMessage} when the segment table is cut short or claims more than is there.
     */
    public static MessageReader read(byte[] data, String rootName) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 8) {
            throw new MalformedMessage("the " + rootName + " message is cut short: " + data.length
                    + " bytes, not even a segment table (a message begins with at least 8)");
        }
        long count = (b.getInt(0) & 0xFFFFFFFFL) + 1;
        if (count > MAX_SEGMENTS) {
            throw new MalformedMessage("the " + rootName + " message claims " + count + " segments (at most "
                    + MAX_SEGMENTS + " are read)");
        }
        int tableBytes = (int) (((4 + 4 * count) + 7) / 8 * 8);
        if (data.length < tableBytes) {
            throw new MalformedMessage("the " + rootName + " message is cut short in its segment table: it needs "
                    + tableBytes + " bytes, the body has " + data.length);
        }
        int[] start = new int[(int) count];
        int[] words = new int[(int) count];
        long at = tableBytes;
        for (int s = 0; s < count; s++) {
            long size = b.getInt(4 + 4 * s) & 0xFFFFFFFFL;
            if (at + size * 8 > data.length) {
                throw new MalformedMessage("the " + rootName + " message is cut short: segment " + s + " of " + size
                        + " words ends at byte " + (at + size * 8) + ", the body has " + data.length);
            }
            start[s] = (int) at;
            words[s] = (int) size;
            at += size * 8;
        }
        if (words[0] == 0) {
            throw new MalformedMessage("the " + rootName + " message has an empty first segment (no root pointer)");
        }
        return new MessageReader(b, rootName, start, words, (int) at);
    }

    /**
     * The bytes of one message read from a stream (segment table and segments; nothing after them is read), at most
     * {@code maxBytes}; a {@link MalformedMessage} when the stream ends first or the message is larger.
     */
    public static byte[] readFramed(java.io.InputStream in, int maxBytes, String rootName) throws java.io.IOException {
        byte[] first = in.readNBytes(8);
        if (first.length < 8) {
            throw new MalformedMessage("the " + rootName + " message is cut short: " + first.length
                    + " bytes, not even a segment table (a message begins with at least 8)");
        }
        ByteBuffer head = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN);
        long count = (head.getInt(0) & 0xFFFFFFFFL) + 1;
        if (count > MAX_SEGMENTS) {
            throw new MalformedMessage("the " + rootName + " message claims " + count + " segments (at most "
                    + MAX_SEGMENTS + " are read)");
        }
        int tableBytes = (int) (((4 + 4 * count) + 7) / 8 * 8);
        byte[] table = java.util.Arrays.copyOf(first, tableBytes);
        int got = 8 + in.readNBytes(table, 8, tableBytes - 8);
        if (got < tableBytes) {
            throw new MalformedMessage("the " + rootName + " message is cut short in its segment table");
        }
        ByteBuffer t = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
        long total = tableBytes;
        for (int s = 0; s < count; s++) {
            total += (t.getInt(4 + 4 * s) & 0xFFFFFFFFL) * 8;
        }
        if (total > maxBytes) {
            throw new MalformedMessage(
                    "the " + rootName + " message claims " + total + " bytes; at most " + maxBytes + " are read");
        }
        byte[] message = java.util.Arrays.copyOf(table, (int) total);
        int read = tableBytes + in.readNBytes(message, tableBytes, (int) total - tableBytes);
        if (read < total) {
            throw new MalformedMessage("the " + rootName + " message is cut short: its segments need " + total
                    + " bytes, the body has " + read);
        }
        return message;
    }

    /** The bytes the message takes, segment table included: where what follows it begins. */
    public int length() {
        return length;
    }

    /** The root struct; never null (a null root reads as an empty struct, all fields at their defaults). */
    public StructReader root() {
        StructReader root = struct(0, 0, rootName, 0);
        return root == null ? StructReader.empty(this, rootName) : root;
    }

    long word(int segment, int wordIndex) {
        return bytes.getLong(segmentStart[segment] + wordIndex * 8);
    }

    /** The byte in {@link #bytes} where word {@code wordIndex} of {@code segment} begins. */
    int byteAt(int segment, int wordIndex) {
        return segmentStart[segment] + wordIndex * 8;
    }

    /** Counts words against the traversal limit. */
    void visit(long words, String where) {
        traversalLeft -= Math.max(1, words);
        if (traversalLeft < 0) {
            throw new MalformedMessage("the " + rootName + " message passes its traversal limit at " + where
                    + " (pointers lead to the same data over and over)");
        }
    }

    private void inSegment(int segment, long from, long words, String where) {
        if (from < 0 || words < 0 || from + words > segmentWords[segment]) {
            throw new MalformedMessage("a pointer at " + where + " leads outside its segment (words " + from + " to "
                    + (from + words) + " of a segment of " + segmentWords[segment] + ")");
        }
    }

    private int segment(long id, String where) {
        if (id < 0 || id >= segmentWords.length) {
            throw new MalformedMessage(
                    "a far pointer at " + where + " names segment " + id + "; the message has " + segmentWords.length);
        }
        return (int) id;
    }

    /** A pointer resolved: the pointer word that describes the target, and where the target's content begins. */
    record Target(long pointer, int segment, int content) {}

    /**
     * The pointer at word {@code at} of {@code segment} resolved through far pointers; null when it is a null
     * pointer.
     */
    Target resolve(int segment, int at, String where) {
        long p = word(segment, at);
        if (p == 0) {
            return null;
        }
        int kind = (int) (p & 3);
        if (kind == 3) {
            throw new MalformedMessage("the pointer at " + where + " is a capability; the query protocol has none");
        }
        if (kind != 2) {
            return new Target(p, segment, (int) (at + 1 + (((int) p) >> 2)));
        }
        boolean twoWords = ((p >>> 2) & 1) == 1;
        int padSegment = segment(p >>> 32, where);
        long pad = (p >>> 3) & 0x1FFFFFFFL;
        inSegment(padSegment, pad, twoWords ? 2 : 1, where + " (far pointer's landing pad)");
        long landing = word(padSegment, (int) pad);
        if (!twoWords) {
            if ((landing & 3) == 2) {
                throw new MalformedMessage("the landing pad of the far pointer at " + where + " is a far pointer");
            }
            if (landing == 0) {
                return null;
            }
            return new Target(landing, padSegment, (int) (pad + 1 + (((int) landing) >> 2)));
        }
        // double far: the pad's first word is a far pointer to the content, its second the content's tag
        if ((landing & 3) != 2 || ((landing >>> 2) & 1) != 0) {
            throw new MalformedMessage(
                    "the double-far landing pad at " + where + " does not begin with a single far pointer");
        }
        long tag = word(padSegment, (int) pad + 1);
        if ((tag & 3) == 2 || (tag & 3) == 3) {
            throw new MalformedMessage(
                    "the tag of the double-far landing pad at " + where + " is not a struct or list");
        }
        int contentSegment = segment(landing >>> 32, where);
        return new Target(tag, contentSegment, (int) ((landing >>> 3) & 0x1FFFFFFFL));
    }

    /** The struct the pointer at word {@code at} leads to; null for a null pointer. */
    StructReader struct(int segment, int at, String where, int depth) {
        if (depth > NESTING_LIMIT) {
            throw new MalformedMessage(
                    "the " + rootName + " message nests structs deeper than " + NESTING_LIMIT + " at " + where);
        }
        Target t = resolve(segment, at, where);
        if (t == null) {
            return null;
        }
        if ((t.pointer() & 3) != 0) {
            throw new MalformedMessage(where + " must be a struct; the message has a list there");
        }
        int dataWords = (int) ((t.pointer() >>> 32) & 0xFFFF);
        int pointers = (int) ((t.pointer() >>> 48) & 0xFFFF);
        inSegment(t.segment(), t.content(), dataWords + pointers, where);
        visit(dataWords + pointers, where);
        return new StructReader(this, where, t.segment(), t.content(), dataWords, pointers, depth);
    }

    /** A list as it lies in the message: its element size code, count, and for composite lists the struct sizes. */
    record ListAt(int segment, int content, int elementSize, int count, int dataWords, int pointers) {

        /** Bits per element of a list that is not composite. */
        int bits() {
            return switch (elementSize) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 8;
                case 3 -> 16;
                case 4 -> 32;
                case 5, 6 -> 64;
                default -> (dataWords + pointers) * 64;
            };
        }
    }

    /** The list the pointer at word {@code at} leads to; null for a null pointer. */
    ListAt list(int segment, int at, String where) {
        Target t = resolve(segment, at, where);
        if (t == null) {
            return null;
        }
        if ((t.pointer() & 3) != 1) {
            throw new MalformedMessage(where + " must be a list; the message has a struct there");
        }
        int size = (int) ((t.pointer() >>> 32) & 7);
        long count = t.pointer() >>> 35;
        if (size == 7) {
            // composite: the count is of words; a tag word before the elements gives their count and size
            inSegment(t.segment(), t.content(), 1 + count, where);
            long tag = word(t.segment(), t.content());
            if ((tag & 3) != 0) {
                throw new MalformedMessage("the tag of the list of structs at " + where + " is not a struct tag");
            }
            long elements = (tag >>> 2) & 0x3FFFFFFFL;
            int dataWords = (int) ((tag >>> 32) & 0xFFFF);
            int pointers = (int) ((tag >>> 48) & 0xFFFF);
            if (elements * (dataWords + pointers) > count) {
                throw new MalformedMessage("the list of structs at " + where + " claims " + elements + " elements of "
                        + (dataWords + pointers) + " words in " + count + " words");
            }
            visit(Math.max(count, elements), where);
            return new ListAt(t.segment(), t.content() + 1, 7, (int) elements, dataWords, pointers);
        }
        ListAt list = new ListAt(t.segment(), t.content(), size, (int) count, 0, 0);
        long words = (count * list.bits() + 63) / 64;
        inSegment(t.segment(), t.content(), words, where);
        visit(size == 0 ? count / 64 : words, where);
        return list;
    }
}
