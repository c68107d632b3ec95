package dev.cameltiledb.arraylake.emulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameltiledb.emulator.common.StreamedBody;

/**
 * One answer to a log request, written line by line outside the state's monitor: the lines the request selected,
 * then, when followed, the flood lines a test asked for and every line the service writes, until the follow timeout
 * passes, {@code until} is passed, the service is disabled or the client goes away. Nothing is held but the line
 * being written.
 */
final class LogStream implements StreamedBody {

    /** How much of the answer a recorded exchange keeps. */
    static final int HEAD_BYTES = 4096;

    private final LogBuffer log;
    private final List<LogBuffer.Line> selected;
    private final Follow follow;
    private final AtomicInteger open;

    /**
     * How a followed answer goes on: from {@code sequence}, for {@code timeoutNanos}, lines up to {@code until}
     * (null: any), after {@code flood} generated lines of about {@code floodLineBytes}, in the followers'
     * {@code epoch}.
     */
    record Follow(
            long sequence,
            long timeoutNanos,
            Instant until,
            long flood,
            int floodLineBytes,
            long epoch,
            Timestamps time) {}

    /** @param follow null for an answer that ends after the selected lines */
    LogStream(LogBuffer log, List<LogBuffer.Line> selected, Follow follow, AtomicInteger open) {
        this.log = log;
        this.selected = List.copyOf(selected);
        this.follow = follow;
        this.open = open;
    }

    @Override
    public String contentType() {
        return "text/plain; charset=utf-8";
    }

    /** Not known: the answer is sent chunked, and a followed one ends when the follow does. */
    @Override
    public long length() {
        return -1;
    }

    @Override
    public byte[] head() {
        StringBuilder head = new StringBuilder();
        for (LogBuffer.Line line : selected) {
            if (head.length() + line.text().length() + 1 > HEAD_BYTES) {
                break;
            }
            head.append(line.text()).append('\n');
        }
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void writeTo(OutputStream target) throws IOException {
        open.incrementAndGet();
        try {
            OutputStream out = new BufferedOutputStream(target, 64 * 1024);
            for (LogBuffer.Line line : selected) {
                write(out, line.text());
            }
            out.flush();
            if (follow != null) {
                follow(out);
            }
        } finally {
            open.decrementAndGet();
        }
    }

    private void follow(OutputStream out) throws IOException {
        if (follow.until() != null && follow.time().now().isAfter(follow.until())) {
            return; // nothing the service writes from now on can be before until
        }
        long deadline = System.nanoTime() + follow.timeoutNanos();
        if (!flood(out, deadline)) {
            return;
        }
        long next = follow.sequence();
        try {
            while (System.nanoTime() - deadline < 0) {
                List<LogBuffer.Line> lines = log.after(next, deadline, follow.epoch());
                if (lines.isEmpty()) {
                    return;
                }
                for (LogBuffer.Line line : lines) {
                    if (follow.until() != null && line.time().isAfter(follow.until())) {
                        out.flush();
                        return;
                    }
                    write(out, line.text());
                    next = line.sequence() + 1;
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the emulator is stopping");
        }
    }

    /**
     * The generated lines of a flooded log, made as they are sent: a request line each, with the time of its batch.
     * Answers whether to go on following (the deadline has not passed and nobody ended the followers).
     */
    private boolean flood(OutputStream out, long deadline) throws IOException {
        for (long sent = 0; sent < follow.flood(); ) {
            if (System.nanoTime() - deadline >= 0 || log.ended(follow.epoch())) {
                out.flush();
                return false;
            }
            String prefix = LogBuffer.format(follow.time().now(), "stdout", "INFO:     127.0.0.1:40000 - \"GET /");
            for (int i = 0; i < 1024 && sent < follow.flood(); i++, sent++) {
                write(out, prefix + "edr/request/" + sent + padding(prefix.length()) + " HTTP/1.1\" 200 OK");
            }
            out.flush();
        }
        return true;
    }

    /** A query string that makes a generated line about {@code floodLineBytes} long (none for shorter lengths). */
    private String padding(int prefixLength) {
        int missing = follow.floodLineBytes() - prefixLength - 40;
        return missing <= 0 ? "" : "?q=" + "x".repeat(missing);
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** The follow timeout in nanoseconds. */
    static long nanos(int seconds) {
        return TimeUnit.SECONDS.toNanos(seconds);
    }
}
