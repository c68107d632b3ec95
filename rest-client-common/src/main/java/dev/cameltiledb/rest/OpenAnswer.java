package dev.cameltiledb.rest;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;

/**
 * An answer still open, with the request that produced it: read whole, it is {@link #close closed} and its connection
 * goes back to the pool; given up on, it is {@link #abort aborted}, which closes the connection instead of draining
 * the rest of a body that may never end.
 */
public record OpenAnswer(HttpUriRequestBase message, ClassicHttpResponse response) {

    /** Closes the connection instead of returning it to the pool, which would first read the rest of the body. */
    public void abort() {
        message.cancel();
        try {
            HttpEntity entity = response.getEntity();
            if (entity != null && entity.getContent() instanceof EofSensorInputStream content) {
                content.abort();
            }
        } catch (IOException | UnsupportedOperationException alreadyGone) {
            // nothing left to abort
        }
        closeQuietly(response);
    }

    /** Returns the connection of an answer read to its end to the pool. */
    public void close() {
        closeQuietly(response);
    }

    /**
     * Reads up to {@code maxBytes} of the body and ends the answer: the connection goes back to the pool when the body
     * ended within them, and is closed otherwise, so an endless body is never drained. Null without a body.
     */
    public byte[] readAtMost(int maxBytes) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            close();
            return null;
        }
        boolean ended = false;
        try {
            InputStream in = entity.getContent();
            byte[] head = in.readNBytes(maxBytes);
            ended = in.read() < 0;
            return head;
        } finally {
            if (ended) {
                close();
            } else {
                abort();
            }
        }
    }

    /** Ends an answer nobody reads: a short body is read so the connection can be reused, a long one is cut off. */
    public void discard() {
        try {
            readAtMost(ErrorBodies.MAX_BYTES);
        } catch (IOException | UnsupportedOperationException gone) {
            abort();
        }
    }

    public static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the answer is discarded anyway; a failure to close it changes nothing for the caller
        }
    }
}
