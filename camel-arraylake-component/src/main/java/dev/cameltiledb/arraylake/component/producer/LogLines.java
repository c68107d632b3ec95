package dev.cameltiledb.arraylake.component.producer;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.cameltiledb.arraylake.client.ServiceLog;

/**
 * The body of {@code arraylake:services?operation=logs}: the log's lines, each read from the connection only when the
 * route asks for it, for {@code .split(body()).streaming()}, which closes it when it ends (a closed log's connection
 * is closed, not drained). With {@code maxResults} the lines end there and the log is closed: how a route stops
 * reading a followed log before the service ends it. Not an InputStream on purpose: Camel's stream caching, on by
 * default, reads an InputStream body whole into its cache before the next step, which a followed log would never let
 * end.
 */
final class LogLines implements Iterator<String>, Closeable {

    private final ServiceLog log;
    private final BufferedReader reader;
    private final int maxLines;
    private int given;
    private String next;
    private boolean ended;

    /** @param maxLines the log is closed after this many lines; 0 for no limit */
    LogLines(ServiceLog log, int maxLines) {
        this.log = log;
        this.maxLines = maxLines;
        this.reader = new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        if (maxLines > 0 && given >= maxLines) {
            close();
            return false;
        }
        try {
            next = reader.readLine();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        if (next == null) {
            close();
            return false;
        }
        return true;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the log has ended");
        }
        String line = next;
        next = null;
        given++;
        return line;
    }

    /** Ends the log here; its connection is closed unless the log was read to its end. */
    @Override
    public void close() {
        ended = true;
        log.close();
    }

    @Override
    public String toString() {
        return "the lines of a compute service's log, read as the route asks for them";
    }
}
