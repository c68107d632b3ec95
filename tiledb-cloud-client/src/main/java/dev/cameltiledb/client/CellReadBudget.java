package dev.cameltiledb.client;

import dev.cameltiledb.client.cells.BufferHeader;
import dev.cameltiledb.client.cells.CellField;

/**
 * A read's buffer shared between its fields by the bytes a cell of each takes (a string's bytes guessed at 32), as
 * TileDB's JavaScript client shares its {@code bufferSize}: each field's budget is sent in the request's
 * {@code original*} sizes, and the server answers at most that much per page.
 */
final class CellReadBudget {

    private static final long STRING_GUESS = 32;

    private CellReadBudget() {}

    static long bytesPerCell(CellField f) {
        long fixed = f.type().varSize() ? 8 : f.type().width();
        long var = f.type().varSize() ? STRING_GUESS : 0;
        return fixed + var + (f.nullable() ? 1 : 0);
    }

    static BufferHeader of(CellField f, long bufferBytes, long totalWeight) {
        long cells = Math.max(1, bufferBytes / totalWeight);
        long fixed = f.type().varSize() ? 8 * cells : f.type().width() * cells;
        long var = f.type().varSize() ? STRING_GUESS * cells : 0;
        return BufferHeader.budget(f.name(), fixed, var, f.nullable() ? cells : 0);
    }
}
