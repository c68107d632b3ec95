package dev.cameltiledb.component.consumer;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.cameltiledb.client.CellPages;
import dev.cameltiledb.client.cells.CellColumns;

/**
 * The cells of one window of an array's fragments, taken in exchange-sized chunks from a time-travel read that comes
 * page by page: only the current page (bounded by the read's buffer) and the chunk being built are in memory, however
 * many cells the window holds.
 */
final class CellWindow implements AutoCloseable {

    /** An exchange's worth of cells: its body, the window position of its first cell, and how many cells it holds. */
    record Chunk(Object body, long first, int cells) {}

    private final CellPages pages;
    /** Fetches the next page; the consumer wraps it to record the page's request as the poll's. */
    private final Function<CellPages, CellColumns> fetch;

    private CellColumns page;
    private int inPage;
    private long position;

    CellWindow(CellPages pages, Function<CellPages, CellColumns> fetch) {
        this.pages = pages;
        this.fetch = fetch;
    }

    /** Passes over the first {@code cells} of the window (those a restart or a failed exchange already delivered). */
    void skip(long cells) {
        while (position < cells && hasMore()) {
            int step = (int) Math.min(cells - position, page.size() - inPage);
            inPage += step;
            position += step;
        }
    }

    /** Whether a cell is left, fetching pages (an empty page is passed over) until one holds one or none is left. */
    boolean hasMore() {
        while (page == null || inPage >= page.size()) {
            if (!pages.hasNext()) {
                return false;
            }
            page = fetch.apply(pages);
            inPage = 0;
        }
        return true;
    }

    /**
     * The next chunk (call {@link #hasMore()} first): with columns ({@code cellFormat=columns}) the rest of the current page as columns;
     * else one cell as a {@code Map} ({@code batchSize} 1) or a {@code List} of up to {@code batchSize} of them.
     */
    Chunk next(int batchSize, boolean asColumns) {
        long first = position;
        if (asColumns) {
            CellColumns rest = inPage == 0 ? page : slice(page, inPage);
            int n = page.size() - inPage;
            inPage = page.size();
            position += n;
            return new Chunk(rest, first, n);
        }
        if (batchSize <= 1) {
            Map<String, Object> row = page.row(inPage++);
            position++;
            return new Chunk(row, first, 1);
        }
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(batchSize, page.size() - inPage));
        while (rows.size() < batchSize && hasMore()) {
            rows.add(page.row(inPage++));
            position++;
        }
        return new Chunk(rows, first, rows.size());
    }

    /** The cells of the page from {@code from} on (a page a restart resumes in the middle of). */
    private static CellColumns slice(CellColumns page, int from) {
        int n = page.size() - from;
        Map<String, Object> columns = new LinkedHashMap<>();
        page.columns().forEach((name, values) -> {
            Object part = Array.newInstance(values.getClass().getComponentType(), n);
            System.arraycopy(values, from, part, 0, n);
            columns.put(name, part);
        });
        Map<String, boolean[]> validity = new LinkedHashMap<>();
        page.validity()
                .forEach((name, valid) -> validity.put(name, java.util.Arrays.copyOfRange(valid, from, from + n)));
        return new CellColumns(n, columns, validity);
    }

    @Override
    public void close() {
        pages.close();
    }
}
