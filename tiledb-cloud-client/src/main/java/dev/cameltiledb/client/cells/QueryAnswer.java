package dev.cameltiledb.client.cells;

import java.util.List;

/**
 * What a query answer's message says: its status ({@code COMPLETED}, {@code INCOMPLETE}: more cells to read), the
 * buffers that follow it, and, for a write, the fragments it made ({@code writtenFragmentInfo}).
 */
public record QueryAnswer(String status, List<BufferHeader> headers, List<WrittenFragment> fragments) {

    public boolean incomplete() {
        return "INCOMPLETE".equalsIgnoreCase(status);
    }

    /** The bytes of every buffer after the message. */
    public long bufferBytes() {
        long total = 0;
        for (BufferHeader h : headers) {
            total += h.totalBytes();
        }
        return total;
    }
}
