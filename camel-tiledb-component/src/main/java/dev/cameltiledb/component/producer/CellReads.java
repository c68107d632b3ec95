package dev.cameltiledb.component.producer;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.CellPages;
import dev.cameltiledb.client.CellsApi;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.cells.CellRead;
import dev.cameltiledb.component.ArrayOptions;
import dev.cameltiledb.component.CellFormat;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConstants;
import org.apache.camel.Message;

/**
 * {@code tiledb:arrays?operation=read}: an array's cells over the REST query protocol, page by page within
 * {@code readBufferSize}, as rows or as columns, collected or streamed. The slice (ranges, fields, layout, the time
 * window) is checked against the options and the array's schema before the first page is asked for; what streams is
 * closed when the exchange completes, read to its end or not.
 */
final class CellReads {

    /**
     * The most cells a read collects into one {@link CellColumns} without maxResults: about 80 MB a field of 8-byte
     * values, which is where streaming the pages starts to pay.
     */
    static final int MAX_COLLECTED_CELLS = 10_000_000;

    private CellReads() {}

    static void read(MessageOptions options, Message message, CellsApi cells, AssetRef array) {
        String name = CellWrites.classic(array, "read");
        String layout = SliceOptions.layout(options.data().getLayout());
        List<List<Number>> ranges = SliceOptions.ranges(options);
        List<String> given = OptionText.list(options.data().getFields());
        List<String> fields = given == null ? List.of() : given;
        ArrayOptions window = options.arrays();
        if (window.getStartTimestamp() != null
                && window.getEndTimestamp() != null
                && window.getStartTimestamp() > window.getEndTimestamp()) {
            throw new TileDBConfigurationException("The read's window is empty: startTimestamp ("
                    + window.getStartTimestamp() + ", header " + OptionHeaders.headerOf("startTimestamp")
                    + ") is after endTimestamp (" + window.getEndTimestamp() + ", header "
                    + OptionHeaders.headerOf("endTimestamp") + ")");
        }
        ArrayCells schema = cells.schema(array.namespace(), name);
        for (String field : fields) {
            try {
                schema.field(field);
            } catch (IllegalArgumentException e) {
                throw new TileDBConfigurationException(
                        "The fields option (header " + OptionHeaders.headerOf("fields") + "): " + e.getMessage(), e);
            }
        }
        CellRead read = new CellRead(
                fields,
                ranges,
                layout,
                window.getStartTimestamp(),
                window.getEndTimestamp(),
                options.data().getReadBufferSize());
        CellPages pages;
        try {
            pages = cells.read(array.namespace(), name, schema, read);
        } catch (TileDBConfigurationException e) {
            throw new TileDBConfigurationException(
                    "The ranges option (header " + OptionHeaders.headerOf("ranges") + ") does not fit " + array.toUri()
                            + ": " + e.getMessage(),
                    e);
        }
        boolean streamed = options.listing().isStreamResults();
        if (options.data().getCellFormat() == CellFormat.columns) {
            if (streamed) {
                CellPageStream stream = new CellPageStream(pages, array.toUri());
                TaskReply.closeWithExchange(message, stream);
                message.setBody(stream);
            } else {
                collectColumns(message, pages, options.listing().getMaxResults());
            }
            return;
        }
        CellRows rows = new CellRows(pages, array.toUri());
        TaskReply.rows(message, options, rows);
        message.removeHeader(TileDBConstants.TASK_ID); // the query protocol leaves no task
        if (!streamed) {
            counted(message, rows.cells(), rows.pages());
        }
    }

    /** Every page (or the first maxResults cells) joined into one set of columns. */
    private static void collectColumns(Message message, CellPages pages, int maxResults) {
        try (pages) {
            List<CellColumns> taken = new ArrayList<>();
            long size = 0;
            long limit = maxResults > 0 ? maxResults : MAX_COLLECTED_CELLS;
            while (size < limit && pages.hasNext()) {
                CellColumns page = pages.next();
                if (maxResults <= 0 && size + page.size() > MAX_COLLECTED_CELLS) {
                    throw new TileDBException(
                            "The read holds more than " + MAX_COLLECTED_CELLS + " cells, more than one CellColumns"
                                    + " in memory takes: set maxResults (header "
                                    + OptionHeaders.headerOf("maxResults") + ") for the first ones, or"
                                    + " streamResults=true (header " + OptionHeaders.headerOf("streamResults")
                                    + ") to take them a page at a time",
                            null);
                }
                taken.add(page);
                size += page.size();
            }
            int kept = (int) Math.min(size, limit);
            message.setBody(ColumnSlices.join(taken, kept));
            counted(message, kept, pages.pages());
        }
    }

    private static void counted(Message message, long cellsRead, int pagesRead) {
        message.setHeader(TileDBConstants.CELLS_READ, cellsRead);
        message.setHeader(TileDBConstants.READ_PAGES, pagesRead);
    }
}
