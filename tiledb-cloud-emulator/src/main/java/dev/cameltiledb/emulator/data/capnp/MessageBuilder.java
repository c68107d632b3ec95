package dev.cameltiledb.emulator.data.capnp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes a Cap'n Proto message in one segment: structs and lists are placed one after the other, each pointer an
 * offset within the segment (no far pointers: a reader of any Cap'n Proto implementation takes it). The answer the
 * emulator builds is small (the cells travel as raw buffers after it), so one growing segment is enough.
 */
public final class MessageBuilder {

    private byte[] segment = new byte[1024];
    /** Words in use; word 0 is the root pointer. */
    private int words = 1;

    /** The root struct, with its data and pointer sections' sizes in words. */
    public StructBuilder initRoot(int dataWords, int pointers) {
        return new StructBuilder(this, allocateStruct(0, dataWords, pointers), dataWords, pointers);
    }

    /** The message with its segment table: {@code [0 (one segment)][size in words][segment]}. */
    public byte[] toByteArray() {
        byte[] out = new byte[8 + words * 8];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0);
        b.putInt(4, words);
        System.arraycopy(segment, 0, out, 8, words * 8);
        return out;
    }

    ByteBuffer buffer() {
        return ByteBuffer.wrap(segment).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reserves {@code n} zeroed words; their first word's index. */
    int allocate(long n) {
        if (words + n > Integer.MAX_VALUE / 8) {
            throw new IllegalStateException("a message of more than 256 MiB");
        }
        int at = words;
        words += (int) n;
        if (words * 8 > segment.length) {
            segment = Arrays.copyOf(segment, Math.max(segment.length * 2, words * 8));
        }
        return at;
    }

    /** Allocates a struct and points the pointer at word {@code pointerAt} to it; the struct's first word. */
    int allocateStruct(int pointerAt, int dataWords, int pointers) {
        int at = allocate(dataWords + pointers);
        long p = ((long) (at - pointerAt - 1) << 2) | ((long) dataWords << 32) | ((long) pointers << 48);
        buffer().putLong(pointerAt * 8, p);
        return at;
    }

    /** Allocates a list and points the pointer at word {@code pointerAt} to it; the list's first word. */
    int allocateList(int pointerAt, int elementSize, long count, long contentWords) {
        int at = allocate(contentWords);
        long p = 1L | ((long) (at - pointerAt - 1) << 2) & 0xFFFFFFFFL | ((long) elementSize << 32) | (count << 35);
        buffer().putLong(pointerAt * 8, p);
        return at;
    }
}
