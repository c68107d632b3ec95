package dev.cameltiledb.client.cells;

import java.util.List;

/**
 * Cells checked and ready to send as one fragment: the columns, the layout they are in, and for a dense write the box
 * they fill (per dimension {@code [lo, hi]}, in schema order; null for a sparse write, or a dense one whose box the
 * caller names).
 */
public record CellWrite(CellColumns cells, List<long[]> box, String layout) {

    /** The same cells, filling the given box in the given order. */
    public CellWrite inBox(List<long[]> box, String layout) {
        return new CellWrite(cells, box, layout);
    }

    public int size() {
        return cells.size();
    }
}
