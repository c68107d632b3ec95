package dev.cameltiledb.client.capnp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one Cap'n Proto message in a single segment, each object placed after the last (no far pointers needed).
 * The messages this project writes are small (a query's description, never its cells), so one growing array is
 * enough.
 */
public final class MessageBuilder {

    private byte[] segment = new byte[1024];
    private int words;

    /** Starts the message with its root struct. */
    public StructBuilder root(int dataWords, int pointers) {
        int pointer = allocate(1);
        return struct(pointer, dataWords, pointers);
    }

    /** The message in stream framing: a one-segment table, then the segment. */
    public byte[] toBytes() {
        byte[] out = new byte[8 + words * 8];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0);
        b.putInt(4, words);
        System.arraycopy(segment, 0, out, 8, words * 8);
        return out;
    }

    int allocate(int count) {
        int at = words;
        words += count;
        if (words * 8 > segment.length) {
            segment = Arrays.copyOf(segment, Math.max(segment.length * 2, words * 8));
        }
        return at;
    }

    void putLong(int byteAddress, long value) {
        ByteBuffer.wrap(segment).order(ByteOrder.LITTLE_ENDIAN).putLong(byteAddress, value);
    }

    long getLong(int byteAddress) {
        return ByteBuffer.wrap(segment).order(ByteOrder.LITTLE_ENDIAN).getLong(byteAddress);
    }

    private static long offsetBits(int pointerWord, int targetWord) {
        return ((long) (targetWord - pointerWord - 1) << 2) & 0xFFFF_FFFCL;
    }

    StructBuilder struct(int pointerWord, int dataWords, int pointers) {
        int at = allocate(dataWords + pointers);
        putLong(pointerWord * 8, offsetBits(pointerWord, at) | ((long) dataWords << 32) | ((long) pointers << 48));
        return new StructBuilder(this, at, dataWords, pointers);
    }

    StructBuilder[] structList(int pointerWord, int count, int dataWords, int pointers) {
        int stride = dataWords + pointers;
        int tag = allocate(1 + count * stride);
        putLong(pointerWord * 8, offsetBits(pointerWord, tag) | 1L | (7L << 32) | ((long) count * stride << 35));
        putLong(tag * 8, ((long) count << 2) | ((long) dataWords << 32) | ((long) pointers << 48));
        StructBuilder[] out = new StructBuilder[count];
        for (int i = 0; i < count; i++) {
            out[i] = new StructBuilder(this, tag + 1 + i * stride, dataWords, pointers);
        }
        return out;
    }

    void bytes(int pointerWord, byte[] data, boolean text) {
        int n = data.length + (text ? 1 : 0);
        int at = allocate((n + 7) / 8);
        System.arraycopy(data, 0, segment, at * 8, data.length);
        putLong(pointerWord * 8, offsetBits(pointerWord, at) | 1L | (2L << 32) | ((long) n << 35));
    }

    void text(int pointerWord, String value) {
        bytes(pointerWord, value.getBytes(StandardCharsets.UTF_8), true);
    }

    void longs(int pointerWord, long[] values) {
        int at = allocate(values.length);
        for (int i = 0; i < values.length; i++) {
            putLong((at + i) * 8, values[i]);
        }
        putLong(pointerWord * 8, offsetBits(pointerWord, at) | 1L | (5L << 32) | ((long) values.length << 35));
    }

    void texts(int pointerWord, List<String> values) {
        int at = allocate(values.size());
        putLong(pointerWord * 8, offsetBits(pointerWord, at) | 1L | (6L << 32) | ((long) values.size() << 35));
        for (int i = 0; i < values.size(); i++) {
            text(at + i, values.get(i));
        }
    }
}
