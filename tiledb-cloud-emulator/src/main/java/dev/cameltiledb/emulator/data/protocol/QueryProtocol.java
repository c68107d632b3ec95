package dev.cameltiledb.emulator.data.protocol;

import java.util.List;

import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.cells.Fragment;

/**
 * TileDB's REST query protocol over the engine's cells: a READ answers one page of cells ({@link ReadPage}), a WRITE
 * commits its cells as one fragment ({@link WriteCells}). Requests and answers are {@link QueryMessage}s
 * ({@link QueryCodec} reads and writes them as Cap'n Proto); the caller's access to the array is the route's to check.
 */
public final class QueryProtocol {

    private final ReadPage reads;
    private final WriteCells writes;

    public QueryProtocol(CellStore cells) {
        this.reads = new ReadPage(cells);
        this.writes = new WriteCells(cells);
    }

    /**
     * The next page of a read. Timestamps (epoch ms): the message's {@code array} ones when given, else {@code start}
     * and {@code end} (the URL's), else the beginning and {@code now}; a continued page reads at the end timestamp
     * its message carries.
     */
    public ProtocolAnswer read(ArrayEntry array, QueryMessage query, Long start, Long end, long now) {
        return reads.read(array, query, start, end, now);
    }

    /**
     * The sizes of a read's whole result per field: {@code [fixed, var, validity]} bytes, as the buffers of one page
     * holding every cell would be (timestamps as {@link #read}).
     */
    public java.util.Map<String, long[]> estimate(
            ArrayEntry array, QueryMessage query, Long start, Long end, long now) {
        return reads.estimate(array, query, start, end, now);
    }

    /**
     * Writes the query's cells, whose buffers follow its message in {@code body} from {@code buffersAt}, as one
     * fragment at {@code timestamp} (null: now); the answer is the query, COMPLETED, naming the fragment.
     */
    public ProtocolAnswer write(ArrayEntry array, QueryMessage query, byte[] body, int buffersAt, Long timestamp) {
        Fragment fragment = writes.write(array, query, body, buffersAt, timestamp);
        QueryMessage.WrittenFragment info = new QueryMessage.WrittenFragment(
                fragmentUri(array, fragment), new long[] {fragment.timestamp(), fragment.timestamp()});
        return new ProtocolAnswer(query.written(List.of(info)), List.of());
    }

    /** A fragment's URI as a write answers it: {@code tiledb://namespace/array/__fragments/<name>}. */
    public static String fragmentUri(ArrayEntry array, Fragment fragment) {
        return array.uri() + "/__fragments/" + fragment.name();
    }
}
