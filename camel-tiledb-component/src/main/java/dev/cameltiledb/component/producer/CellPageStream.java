package dev.cameltiledb.component.producer;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.cameltiledb.client.CellPages;
import dev.cameltiledb.client.cells.CellColumns;

/**
 * A read's pages as a lazy body ({@code cellFormat=columns} with {@code streamResults}): one {@link CellColumns} per
 * page, asked for as the splitter takes it. Pages that hold no cell are skipped, so an empty read yields nothing.
 * Closeable, so Camel's splitter (or the exchange's completion) ends the read.
 */
final class CellPageStream implements Iterator<CellColumns>, Closeable {

    private final CellPages pages;
    private final String array;
    private CellColumns ahead;

    CellPageStream(CellPages pages, String array) {
        this.pages = pages;
        this.array = array;
    }

    @Override
    public boolean hasNext() {
        while (ahead == null && pages.hasNext()) {
            CellColumns page = pages.next();
            if (page.size() > 0) {
                ahead = page;
            }
        }
        return ahead != null;
    }

    @Override
    public CellColumns next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the read of " + array + " has no more pages");
        }
        CellColumns page = ahead;
        ahead = null;
        return page;
    }

    @Override
    public void close() {
        ahead = null;
        pages.close();
    }

    @Override
    public String toString() {
        return "the pages of " + array;
    }
}
