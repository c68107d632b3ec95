package dev.cameltiledb.emulator.data.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** One result buffer of a page, grown as cells are added (never past the page's budget, which the reader checks). */
final class GrowingBuffer {

    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    /** Room for {@code n} more bytes; the buffer to put them in. */
    ByteBuffer room(int n) {
        if (buffer.remaining() < n) {
            int capacity = Math.max(buffer.capacity() * 2, buffer.position() + n);
            ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
        return buffer;
    }

    int size() {
        return buffer.position();
    }

    byte[] bytes() {
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
