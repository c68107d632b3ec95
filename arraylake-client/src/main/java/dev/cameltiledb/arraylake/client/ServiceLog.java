package dev.cameltiledb.arraylake.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import dev.cameltiledb.rest.CallDeadline;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The log of a compute service as the service sends it, lines of text read at the reader's pace: nothing is held but
 * the bytes of the line being read, so a followed log that never ends costs no more memory than a short one. Read it
 * to its end (the connection then goes back to the pool) or close it (the connection is closed, never drained: a
 * followed log may not end).
 * <p>
 * Bounds: a line longer than {@code maxResponseSize} fails the read; silence longer than {@code requestTimeout}
 * fails it too (the socket timeout); a followed log is ended by the service after its follow timeout, and cut by the
 * client when it runs past that timeout plus the {@code requestTimeout}. Failures are {@link ArraylakeException}s,
 * unchecked: a reader that takes an {@code IOException} for the end of its input (as the {@code Scanner} behind
 * Camel's {@code tokenize} does) must not take a broken log for a complete one.
 */
public final class ServiceLog extends InputStream {

    private final StreamedAnswer answer;
    private final InputStream body;
    private final long maxLineBytes;
    /** The follow bound; null for a log that is not followed, whose end the service decides alone. */
    private final CallDeadline followDeadline;

    private long lineBytes;
    private boolean ended;
    private boolean closed;

    ServiceLog(StreamedAnswer answer, long maxLineBytes, CallDeadline followDeadline) {
        this.answer = answer;
        this.maxLineBytes = maxLineBytes;
        this.followDeadline = followDeadline;
        InputStream content;
        try {
            HttpEntity entity = answer.open().response().getEntity();
            content = entity == null ? InputStream.nullInputStream() : entity.getContent();
        } catch (IOException e) {
            close();
            throw broken(e);
        }
        this.body = content;
        if (followDeadline != null) {
            followDeadline.guard(answer.open().message());
        }
    }

    /** The log's lines, read as the stream is consumed; closing the stream of lines closes the log. */
    public Stream<String> lines() {
        return new BufferedReader(new InputStreamReader(this, StandardCharsets.UTF_8))
                .lines()
                .onClose(this::close);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (ended) {
            return -1;
        }
        if (closed) {
            throw new ArraylakeException("The log of " + answer.path() + " was closed");
        }
        int n;
        try {
            n = body.read(buffer, offset, length);
        } catch (IOException e) {
            close();
            throw broken(e);
        }
        if (n < 0) {
            end();
            return -1;
        }
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                lineBytes = 0;
            } else if (++lineBytes > maxLineBytes) {
                close();
                throw new ArraylakeException("A line of the answer to " + answer.method() + " " + answer.path()
                        + " is longer than maxResponseSize (" + maxLineBytes + " bytes); the log was abandoned unread"
                        + answer.requestId());
            }
        }
        return n;
    }

    /** The log was read to its end: its connection goes back to the pool. */
    private void end() {
        ended = true;
        closed = true;
        stopDeadline();
        answer.open().close();
    }

    /** Ends the log here: a log not read to its end has its connection closed, never drained. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopDeadline();
        answer.open().abort();
    }

    private void stopDeadline() {
        if (followDeadline != null) {
            followDeadline.close();
        }
    }

    private ArraylakeConnectionException broken(IOException e) {
        if (followDeadline != null && followDeadline.expired()) {
            return new ArraylakeConnectionException(followDeadline.describe(answer.method(), answer.path()), e);
        }
        return new ArraylakeConnectionException(
                "The answer to " + answer.method() + " " + answer.path() + " broke off: "
                        + e.getClass().getSimpleName() + answer.requestId(),
                e);
    }
}
