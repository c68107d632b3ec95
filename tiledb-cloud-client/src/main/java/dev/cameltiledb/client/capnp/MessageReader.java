package dev.cameltiledb.client.capnp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A Cap'n Proto message in its standard stream framing (segment table, then segments), read in place from a byte
 * array. Every pointer is checked against its segment, and the words a reader may visit are capped (the format's
 * "traversal limit"): a message of n words cannot make a reader walk more than {@code 8 n + 1024} words, however its
 * pointers alias each other. Only what this project reads is supported: structs, lists of primitives, bytes and
 * structs, text and data, near and far pointers (capabilities are refused).
 */
public final class MessageReader {

    static final int MAX_SEGMENTS = 512;
    static final int MAX_NESTING = 64;

    final ByteBuffer bytes;
    private final byte[] source;
    /** Start (in bytes) and length (in words) of each segment. */
    private final int[] segmentStart;

    private final int[] segmentWords;
    private long traversalBudget;
    private final String message;

    private MessageReader(byte[] source, ByteBuffer bytes, int[] segmentStart, int[] segmentWords, String message) {
        this.source = source;
        this.bytes = bytes;
        this.segmentStart = segmentStart;
        this.segmentWords = segmentWords;
        this.message = message;
        long words = 0;
        for (int w : segmentWords) {
            words += w;
        }
        this.traversalBudget = words * 8 + 1024;
    }

    /**
     * Reads the framing at the start of {@code data}; bytes after the message (a query's buffers) are left alone.
     *
     * @param message what the message is, for errors ("the answer's Query")
     */
    public static MessageReader of(byte[] data, String message) {
        return of(data, 0, data.length, message);
    }

    public static MessageReader of(byte[] data, int offset, int length, String message) {
        ByteBuffer b = ByteBuffer.wrap(data, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        if (length < 8) {
            throw new CapnpFormatException(message + " is cut short: " + length + " bytes, not even a segment table");
        }
        long count = Integer.toUnsignedLong(b.getInt(0)) + 1;
        if (count > MAX_SEGMENTS) {
            throw new CapnpFormatException(message + " claims " + count + " segments (at most " + MAX_SEGMENTS + ")");
        }
        int n = (int) count;
        long tableBytes = ((4L + 4L * n) + 7) & ~7L;
        if (tableBytes > length) {
            throw new CapnpFormatException(message + " is cut short inside its segment table");
        }
        int[] start = new int[n];
        int[] words = new int[n];
        long at = tableBytes;
        for (int i = 0; i < n; i++) {
            long w = Integer.toUnsignedLong(b.getInt(4 + 4 * i));
            if (at + w * 8 > length) {
                throw new CapnpFormatException(message + " is cut short: segment " + i + " needs " + w * 8 + " bytes, "
                        + Math.max(0, length - at) + " are left");
            }
            start[i] = (int) at;
            words[i] = (int) w;
            at += w * 8;
        }
        return new MessageReader(offset == 0 ? data : null, b, start, words, message);
    }

    /** The message's length in bytes, framing included: where what follows it (a query's buffers) begins. */
    public int length() {
        int last = segmentStart.length - 1;
        return segmentStart[last] + segmentWords[last] * 8;
    }

    /** The message's bytes, framing first (for a message read from the start of an array); null otherwise. */
    public byte[] bytes() {
        return source;
    }

    /** The length a message's framing announces, from its table alone (-1 if the table itself is not all there). */
    public static long announcedLength(byte[] data, int length) {
        if (length < 4) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(data, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        long n = Integer.toUnsignedLong(b.getInt(0)) + 1;
        if (n > MAX_SEGMENTS) {
            return Long.MAX_VALUE;
        }
        long table = ((4 + 4 * n) + 7) & ~7L;
        if (length < 4 + 4 * n) {
            return -1;
        }
        long total = table;
        for (int i = 0; i < n; i++) {
            total += Integer.toUnsignedLong(b.getInt(4 + 4 * (int) i)) * 8;
        }
        return total;
    }

    /** The root struct. */
    public StructView root(String struct) {
        StructView root = readStruct(0, 0, struct, 0);
        return root == null ? StructView.empty(this, struct, 0) : root;
    }

    // --- pointers -------------------------------------------------------------------------------------------

    long word(int segment, int index) {
        return bytes.getLong(segmentStart[segment] + index * 8);
    }

    int byteAddress(int segment, int wordIndex) {
        return segmentStart[segment] + wordIndex * 8;
    }

    CapnpFormatException bad(String where, String what) {
        return new CapnpFormatException(message + ": " + where + " " + what);
    }

    private void checkRange(int segment, long wordIndex, long words, String where) {
        if (wordIndex < 0 || words < 0 || wordIndex + words > segmentWords[segment]) {
            throw bad(
                    where,
                    "points outside its segment (word " + wordIndex + ", " + words + " words, segment " + segment
                            + " has " + segmentWords[segment] + ")");
        }
        charge(Math.max(words, 1), where);
    }

    private void charge(long words, String where) {
        traversalBudget -= words;
        if (traversalBudget < 0) {
            throw bad(
                    where,
                    "makes the reader visit more words than the message holds many times over (a pointer loop"
                            + " or amplification)");
        }
    }

    /** A pointer after far pointers are followed: the segment and word it points to, and its tag word. */
    private record Target(int segment, long wordIndex, long tag) {}

    private Target resolve(int segment, int pointerIndex, String where) {
        long ptr = word(segment, pointerIndex);
        int kind = (int) (ptr & 3);
        if (kind == 2) {
            boolean doubleFar = (ptr & 4) != 0;
            long padOffset = (ptr >>> 3) & 0x1FFF_FFFFL;
            long padSegment = ptr >>> 32;
            if (padSegment >= segmentWords.length) {
                throw bad(where, "has a far pointer to segment " + padSegment + " of " + segmentWords.length);
            }
            int padSeg = (int) padSegment;
            checkRange(padSeg, padOffset, doubleFar ? 2 : 1, where);
            long pad = word(padSeg, (int) padOffset);
            if (!doubleFar) {
                if ((pad & 3) == 2) {
                    throw bad(where, "has a far pointer landing on another far pointer");
                }
                long offset = (int) pad >> 2;
                return new Target(padSeg, padOffset + 1 + offset, pad);
            }
            if ((pad & 3) != 2 || (pad & 4) != 0) {
                throw bad(where, "has a double-far landing pad that is not a single far pointer");
            }
            long contentSegment = pad >>> 32;
            if (contentSegment >= segmentWords.length) {
                throw bad(where, "has a landing pad pointing to segment " + contentSegment);
            }
            long tag = word(padSeg, (int) padOffset + 1);
            return new Target((int) contentSegment, (pad >>> 3) & 0x1FFF_FFFFL, tag);
        }
        long offset = (int) ptr >> 2;
        return new Target(segment, pointerIndex + 1 + offset, ptr);
    }

    StructView readStruct(int segment, int pointerIndex, String where, int depth) {
        long ptr = word(segment, pointerIndex);
        if (ptr == 0) {
            return null;
        }
        if (depth > MAX_NESTING) {
            throw bad(where, "nests deeper than " + MAX_NESTING + " structs");
        }
        Target t = resolve(segment, pointerIndex, where);
        if ((t.tag & 3) != 0) {
            throw bad(where, "should point to a struct, but points to " + kindName(t.tag));
        }
        int dataWords = (int) ((t.tag >>> 32) & 0xFFFF);
        int pointers = (int) (t.tag >>> 48);
        checkRange(t.segment, t.wordIndex, dataWords + pointers, where);
        return new StructView(this, where, t.segment, (int) t.wordIndex, dataWords, pointers, depth);
    }

    /** A list's place: segment, first word, element size code, element count; for a composite list its elements' shape. */
    record ListTarget(int segment, int wordIndex, int elementSize, int count, int dataWords, int pointers) {}

    ListTarget readList(int segment, int pointerIndex, String where) {
        long ptr = word(segment, pointerIndex);
        if (ptr == 0) {
            return null;
        }
        Target t = resolve(segment, pointerIndex, where);
        if ((t.tag & 3) != 1) {
            throw bad(where, "should point to a list, but points to " + kindName(t.tag));
        }
        int size = (int) ((t.tag >>> 32) & 7);
        long count = t.tag >>> 35;
        if (size == 7) {
            checkRange(t.segment, t.wordIndex, 1 + count, where);
            long tagWord = word(t.segment, (int) t.wordIndex);
            if ((tagWord & 3) != 0) {
                throw bad(where, "is a composite list whose tag is not a struct tag");
            }
            long elements = (tagWord >>> 2) & 0x3FFF_FFFFL;
            int dataWords = (int) ((tagWord >>> 32) & 0xFFFF);
            int pointers = (int) (tagWord >>> 48);
            if (elements * (dataWords + pointers) > count) {
                throw bad(
                        where, "is a composite list of " + elements + " elements larger than its " + count + " words");
            }
            // zero-sized elements take no words, but each costs a visit: charge them, as the format's readers do
            charge(elements, where);
            return new ListTarget(t.segment, (int) t.wordIndex + 1, 7, (int) elements, dataWords, pointers);
        }
        long bits = count * bitsOf(size);
        checkRange(t.segment, t.wordIndex, (bits + 63) / 64, where);
        return new ListTarget(t.segment, (int) t.wordIndex, size, (int) count, 0, 0);
    }

    static int bitsOf(int sizeCode) {
        return switch (sizeCode) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 8;
            case 3 -> 16;
            case 4 -> 32;
            case 5, 6 -> 64;
            default -> throw new IllegalArgumentException("size code " + sizeCode);
        };
    }

    private static String kindName(long ptr) {
        return switch ((int) (ptr & 3)) {
            case 0 -> "a struct";
            case 1 -> "a list";
            case 2 -> "a far pointer";
            default -> "a capability";
        };
    }
}
