package dev.cameltiledb.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.client.capnp.CapnpFormatException;
import dev.cameltiledb.client.capnp.MessageReader;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.BufferHeader;
import dev.cameltiledb.client.cells.CellBuffers;
import dev.cameltiledb.client.cells.CellField;
import dev.cameltiledb.client.cells.CellRead;
import dev.cameltiledb.client.cells.CellWrite;
import dev.cameltiledb.client.cells.QueryAnswer;
import dev.cameltiledb.client.cells.QueryWire;
import dev.cameltiledb.client.cells.WrittenFragment;

/**
 * An array's cells read and written over TileDB Cloud's REST query protocol ({@code POST
 * /v2/arrays/{namespace}/{array}/query/submit}, Cap'n Proto messages followed by the cells' buffers), without
 * libtiledb. A read comes page by page ({@link CellPages}), each page bounded by the read's buffer; a write sends one
 * fragment per call, checked against the schema before anything is sent, and is never sent twice.
 */
public final class CellsApi {

    /** The largest query message accepted from a server: the message describes cells, it never holds them. */
    static final int MAX_MESSAGE_BYTES = 16 << 20;

    /** How many times a page is asked for again when the connection breaks while it arrives. */
    static final int PAGE_ATTEMPTS = 3;

    private static final String CAPNP = "application/capnp";

    private final RestTransport transport;
    private final ArraysApi arrays;

    CellsApi(RestTransport transport, ArraysApi arrays) {
        this.transport = transport;
        this.arrays = arrays;
    }

    /** The array's schema as reads and writes use it. */
    public ArrayCells schema(String namespace, String array) {
        String ns = DataPlane.namespace(namespace, "Reading or writing cells");
        try {
            return ArrayCells.of("tiledb://" + ns + "/" + array, arrays.schema(new AssetRef(ns, array)));
        } catch (IllegalArgumentException e) {
            throw new TileDBConfigurationException(e.getMessage(), e);
        }
    }

    /** Starts a read; pages are asked for as they are taken. Close it to free an unfinished page's connection. */
    public CellPages read(String namespace, String array, ArrayCells schema, CellRead read) {
        String ns = DataPlane.namespace(namespace, "Reading cells");
        List<CellField> fields = new ArrayList<>();
        try {
            if (read.fields().isEmpty()) {
                fields.addAll(schema.fields());
            } else {
                for (String name : read.fields()) {
                    fields.add(schema.field(name));
                }
            }
            long weight =
                    fields.stream().mapToLong(CellReadBudget::bytesPerCell).sum();
            List<BufferHeader> budgets = new ArrayList<>();
            for (CellField f : fields) {
                budgets.add(CellReadBudget.of(f, read.bufferBytes(), weight));
            }
            byte[] first = QueryWire.readRequest(
                    read.layout(),
                    budgets,
                    CellBuffers.ranges(schema, read.ranges()),
                    read.startTimestamp() == null ? 0 : read.startTimestamp(),
                    read.endTimestamp() == null ? 0 : read.endTimestamp());
            return new CellPages(this, ns, array, schema, first, read.bufferBytes());
        } catch (IllegalArgumentException e) {
            throw new TileDBConfigurationException(e.getMessage(), e);
        }
    }

    /**
     * Writes the cells as one fragment. A dense write whose box is not given fills the whole domain. The write is sent
     * once: a connection that breaks after it went out fails the call rather than risk a second fragment.
     *
     * @param timestamp the fragment's timestamp (epoch ms), or null for the server's now
     */
    public WrittenFragment write(String namespace, String array, ArrayCells schema, CellWrite cells, Long timestamp) {
        String ns = DataPlane.namespace(namespace, "Writing cells");
        List<long[]> box = cells.box();
        if (schema.dense() && box == null) {
            box = wholeDomain(schema, cells.size());
        }
        CellBuffers.Encoded encoded;
        byte[] message;
        try {
            encoded = CellBuffers.encode(schema, cells.cells());
            message = QueryWire.writeRequest(
                    cells.layout(),
                    encoded.headers(),
                    box == null ? null : CellBuffers.box(schema, box),
                    timestamp == null ? 0 : timestamp);
        } catch (IllegalArgumentException e) {
            throw new TileDBConfigurationException(e.getMessage(), e);
        }
        List<byte[]> parts = new ArrayList<>(encoded.parts().size() + 1);
        parts.add(message);
        parts.addAll(encoded.parts());
        RestRequest request = submit(ns, array, "WRITE")
                .query("timestamp", timestamp)
                .body(UploadBody.of(parts))
                .once();
        QueryAnswer reply = transport.readBody(request, "", (status, headers, body) -> {
            try {
                return QueryWire.answer(message(new DataInputStream(body), "the answer to a write of " + array));
            } catch (CapnpFormatException e) {
                throw new TileDBProtocolException(e.getMessage(), e);
            }
        });
        if (reply.fragments().isEmpty()) {
            throw new TileDBProtocolException(
                    "The answer to a write of " + ns + "/" + array + " names no fragment it" + " made (status "
                            + reply.status() + ")",
                    null);
        }
        WrittenFragment made = reply.fragments().get(0);
        return new WrittenFragment(made.uri(), made.timestamp(), cells.size());
    }

    private static List<long[]> wholeDomain(ArrayCells schema, int cells) {
        List<long[]> box = new ArrayList<>();
        long volume = 1;
        for (CellField d : schema.dimensions()) {
            box.add(new long[] {d.lo().longValue(), d.hi().longValue()});
            volume = Math.multiplyExact(volume, d.hi().longValue() - d.lo().longValue() + 1);
        }
        if (volume != cells) {
            throw new TileDBConfigurationException("A dense write without coordinates fills the box it names; none was"
                    + " named, and the whole domain holds " + volume + " cells, not the " + cells + " given (give"
                    + " the dimensions' coordinates, or the box)");
        }
        return box;
    }

    RestRequest submit(String ns, String array, String type) {
        return RestRequest.post("v2", "arrays", ns, array, "query", "submit")
                .about(DataPlane.about("Cells (POST /v2/arrays/{namespace}/{array}/query/submit)"))
                .query("type", type)
                .header("Content-Type", CAPNP)
                .header("Accept", CAPNP);
    }

    /** Reads a length-prefixed query message (8 bytes little-endian, then the message). */
    static MessageReader message(DataInputStream in, String what) throws IOException {
        byte[] prefix = new byte[8];
        in.readFully(prefix);
        long length = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (length < 8 || length > MAX_MESSAGE_BYTES) {
            throw new CapnpFormatException(
                    what + " announces a query message of " + length + " bytes (at most " + MAX_MESSAGE_BYTES + ")");
        }
        byte[] bytes = new byte[(int) length];
        in.readFully(bytes);
        return MessageReader.of(bytes, what + " (Query)");
    }

    /** Sends one page's request; its answer streams from the connection. */
    InputStream page(String ns, String array, byte[] request) {
        return transport
                .openAnswer(submit(ns, array, "READ").body(UploadBody.of(request)))
                .body();
    }
}
