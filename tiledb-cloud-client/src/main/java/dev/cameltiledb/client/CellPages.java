package dev.cameltiledb.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.cameltiledb.client.capnp.CapnpFormatException;
import dev.cameltiledb.client.capnp.MessageReader;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellBuffers;
import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.cells.QueryAnswer;
import dev.cameltiledb.client.cells.QueryWire;

/**
 * A read's pages, asked for one at a time as they are taken: while the server answers {@code INCOMPLETE}, the next
 * page is asked for by sending back the message it answered (which carries where the read stands), as TileDB's
 * clients do. Only one page is held at a time, within the read's buffer. A page whose connection breaks while it
 * arrives is asked for again (the same message asks for the same cells), up to {@value CellsApi#PAGE_ATTEMPTS}
 * times, then the read fails naming the page.
 */
public final class CellPages implements Iterator<CellColumns>, AutoCloseable {

    private final CellsApi api;
    private final String namespace;
    private final String array;
    private final ArrayCells schema;
    private final long bufferBytes;
    private byte[] request;
    /** Where a page's bytes pass on their way into its columns, reused page after page. */
    private final byte[] chunk = new byte[64 * 1024];

    private boolean done;
    private int pages;
    private int retries;

    CellPages(CellsApi api, String namespace, String array, ArrayCells schema, byte[] request, long bufferBytes) {
        this.api = api;
        this.namespace = namespace;
        this.array = array;
        this.schema = schema;
        this.request = request;
        this.bufferBytes = bufferBytes;
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    /** The next page (it may hold no cells when a read is empty). */
    @Override
    public CellColumns next() {
        if (done) {
            throw new NoSuchElementException("the read of " + namespace + "/" + array + " has no more pages");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return fetch();
            } catch (TileDBConnectionException | BrokenPage e) {
                if (attempt >= CellsApi.PAGE_ATTEMPTS) {
                    done = true;
                    throw new TileDBConnectionException(
                            "Page " + (pages + 1) + " of the read of " + namespace + "/" + array + " broke off "
                                    + attempt + " times; the last time: " + e.getMessage(),
                            e);
                }
                retries++;
            }
        }
    }

    /** Pages taken so far. */
    public int pages() {
        return pages;
    }

    /** Pages asked for again after a connection broke. */
    public int retries() {
        return retries;
    }

    private CellColumns fetch() {
        String what = "the answer to page " + (pages + 1) + " of the read of " + namespace + "/" + array;
        try (InputStream body = api.page(namespace, array, request)) {
            DataInputStream in = new DataInputStream(body);
            MessageReader message;
            QueryAnswer answer;
            try {
                message = CellsApi.message(in, what);
                answer = QueryWire.answer(message);
            } catch (CapnpFormatException e) {
                done = true;
                throw new TileDBProtocolException(e.getMessage(), e);
            }
            // a hostile or broken server cannot make a page larger than the read's buffer
            if (answer.bufferBytes() > bufferBytes + 1024) {
                done = true;
                throw new TileDBProtocolException(
                        what + " announces " + answer.bufferBytes() + " bytes of cells,"
                                + " more than the read's buffer of " + bufferBytes,
                        null);
            }
            CellColumns page;
            try {
                page = CellBuffers.read(schema, answer.headers(), in, chunk);
            } catch (IllegalArgumentException e) {
                done = true;
                throw new TileDBProtocolException(what + ": " + e.getMessage(), e);
            }
            if (in.read() != -1) {
                done = true;
                throw new TileDBProtocolException(what + " holds more bytes than its headers announce", null);
            }
            pages++;
            if (answer.incomplete()) {
                if (page.size() == 0) {
                    done = true;
                    throw new TileDBConfigurationException("The read of " + namespace + "/" + array + " is incomplete"
                            + " but its page holds no cell: the read's buffer (" + bufferBytes + " bytes) is too"
                            + " small for one cell; raise it");
                }
                request = java.util.Arrays.copyOf(message.bytes(), message.length());
            } else {
                done = true;
            }
            return page;
        } catch (IOException e) {
            throw new BrokenPage(e);
        }
    }

    @Override
    public void close() {
        done = true;
    }

    /** A page whose bytes stopped before their end. */
    private static final class BrokenPage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokenPage(IOException cause) {
            super(cause.toString(), cause);
        }
    }
}
