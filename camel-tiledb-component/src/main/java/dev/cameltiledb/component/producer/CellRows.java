package dev.cameltiledb.component.producer;

import java.util.Map;
import java.util.NoSuchElementException;

import dev.cameltiledb.client.CellPages;
import dev.cameltiledb.client.RowStream;
import dev.cameltiledb.client.cells.CellColumns;

/**
 * A read's cells one {@code Map} (field to value) at a time, the pages asked for only as the rows are taken: a read of
 * any size holds one page. As a {@link RowStream}, it is collected, streamed or batched as SQL's rows are
 * ({@link TaskReply#rows}); it has no task id, the query protocol leaves no task.
 */
final class CellRows implements RowStream {

    private final CellPages pages;
    private final String array;
    private CellColumns page;
    private int index;
    private long cells;

    CellRows(CellPages pages, String array) {
        this.pages = pages;
        this.array = array;
    }

    @Override
    public boolean hasNext() {
        while (page == null || index >= page.size()) {
            if (!pages.hasNext()) {
                page = null;
                return false;
            }
            page = pages.next();
            index = 0;
        }
        return true;
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the read of " + array + " has no more cells");
        }
        cells++;
        return page.row(index++);
    }

    /** Cells handed over so far. */
    long cells() {
        return cells;
    }

    /** Pages taken so far. */
    int pages() {
        return pages.pages();
    }

    @Override
    public String taskId() {
        return null;
    }

    @Override
    public void close() {
        page = null;
        pages.close();
    }

    @Override
    public String toString() {
        return "the cells of " + array;
    }
}
