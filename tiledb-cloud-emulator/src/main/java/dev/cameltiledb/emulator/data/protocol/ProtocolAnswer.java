package dev.cameltiledb.emulator.data.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * What a query submit answers, framed as TileDB's clients read it: 8 bytes, the little-endian length of the Cap'n
 * Proto message that follows; the message; then the raw result buffers, in the order of the message's
 * {@code attributeBufferHeaders} (per field: fixed part, var part, validity). A write answers no buffers.
 */
public record ProtocolAnswer(QueryMessage query, List<byte[]> buffers) {

    public static final String CONTENT_TYPE = "application/capnp";

    /** The whole body. */
    public void writeTo(OutputStream out) throws IOException {
        writeTo(out, message());
    }

    /** The whole body, with the message already encoded. */
    public void writeTo(OutputStream out, byte[] message) throws IOException {
        out.write(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(message.length)
                .array());
        out.write(message);
        for (byte[] b : buffers) {
            out.write(b);
        }
    }

    /** The message alone, without the length before it or buffers after (what finalize answers). */
    public byte[] message() {
        return QueryCodec.encode(query);
    }
}
