package dev.cameltiledb.emulator.common;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An answer body written while it is produced, after the request's transaction ended, rather than built whole first: a
 * stored file, a service's log a follower reads for minutes. {@link #head()} is what a recorded exchange keeps of it;
 * {@link #close()} runs once the answer is done, written or not (a {@code HEAD} request writes none).
 */
public interface StreamedBody extends AutoCloseable {

    String contentType();

    /** The body's length in bytes, sent as {@code Content-Length}; negative when not known (sent chunked). */
    long length();

    /**
     * The first bytes the body will write, for the recording; read only when exchanges are recorded. Null when they
     * cannot be known before the body is written (a result produced as it is sent): the recording then keeps what was
     * written, if the whole body fits in {@link Call#RECORDED_PREFIX} bytes, and no body otherwise.
     */
    byte[] head();

    /** Writes the body; returns when it is complete, throws when the client went away. */
    void writeTo(OutputStream out) throws IOException;

    /** Releases what the body holds (an open file); nothing by default. */
    @Override
    default void close() {}
}
