package dev.cameltiledb.component;

import java.util.List;

import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.cells.WrittenFragment;

/**
 * A write cut into several fragments that failed after some were made: those stay (each fragment is a write of its
 * own, whole or absent), the rest was not written. It names how many fragments and cells were made and holds them, so
 * a route can resume after the last one or remove them; the cause is what stopped the write.
 */
public final class TileDBPartialWriteException extends TileDBException {

    private static final long serialVersionUID = 1L;

    private final transient List<WrittenFragment> written;

    public TileDBPartialWriteException(String array, List<WrittenFragment> written, RuntimeException cause) {
        super(
                "The write to " + array + " failed after " + written.size() + " fragment"
                        + (written.size() == 1 ? "" : "s") + " of " + cells(written) + " cells were made, which stay"
                        + " (the rest was not written): " + cause.getMessage(),
                cause);
        this.written = List.copyOf(written);
    }

    /** The fragments made before the failure, in order. */
    public List<WrittenFragment> written() {
        return written;
    }

    /** The cells of those fragments. */
    public long cellsWritten() {
        return cells(written);
    }

    private static long cells(List<WrittenFragment> fragments) {
        return fragments.stream().mapToLong(WrittenFragment::cells).sum();
    }
}
