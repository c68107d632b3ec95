package dev.cameltiledb.component;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameltiledb.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read of 10,000,000 INT64 cells (80 MB of values) through a route in a heap of {@value #HEAP_MIB} MiB
 * ({@link CellsRouteMain} in a child JVM): {@code tiledb:arrays?operation=read&streamResults=true} then
 * {@code split(body()).streaming()}, page by page within readBufferSize (1 MiB), as one {@code CellColumns} a page and
 * as Lists of 10,000 Map rows. The values alone are more than twice that heap, so the route cannot have held the read;
 * every cell arrives once. The wait for the child only turns a hang into a failure; no time is asserted.
 */
@Tag("server")
class CellsRouteHeapTest {

    private static final int HEAP_MIB = 32;
    private static final long CELLS = 10_000_000L;
    private static final long SUM = CELLS * (CELLS - 1) / 2;

    @Test
    void tenMillionCellsPassAsColumnsPageByPageThroughAHeapSmallerThanThem() throws Exception {
        assertStreamedThroughTheHeap("columns", "1");
    }

    @Test
    void tenMillionCellsPassAsBatchesOfRowsThroughThatHeapToo() throws Exception {
        assertStreamedThroughTheHeap("rows", "10000");
    }

    private static void assertStreamedThroughTheHeap(String format, String batchSize) throws Exception {
        ChildJvm.Result run = ChildJvm.run(
                List.of("-Xmx" + HEAP_MIB + "m", "-XX:+UseParallelGC"),
                CellsRouteMain.class,
                String.valueOf(CELLS),
                format,
                batchSize);
        assertEquals(0, run.exit(), run.output());
        Matcher result =
                Pattern.compile("CELLS (\\d+) (\\d+) PAGES (\\d+) BYTES (\\d+)").matcher(run.output());
        assertTrue(result.find(), run.output());
        assertEquals(CELLS, Long.parseLong(result.group(1)), "every cell reached the splitter");
        assertEquals(SUM, Long.parseLong(result.group(2)), "each once");
        long pages = Long.parseLong(result.group(3));
        long bytes = Long.parseLong(result.group(4));
        assertEquals(CELLS * 8, bytes);
        assertTrue(pages >= bytes / (1 << 20), "pages of at most readBufferSize: " + pages);
        assertTrue(bytes > 2L * (HEAP_MIB << 20), "the values (" + bytes + " bytes) are more than twice the heap");
        System.out.printf(
                "Cells read as %s: %d cells, %d bytes in %d pages, through a route in -Xmx%dm%n",
                format, CELLS, bytes, pages, HEAP_MIB);
    }
}
