package dev.cameltiledb.component;

import java.util.List;

import dev.cameltiledb.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SQL result of 1,000,000 rows split by a route through a heap of {@value #HEAP} ({@link StreamedRouteMain} in a
 * child JVM): {@code tiledb:sql?streamResults=true} then {@code split(body()).streaming()}. The control keeps the rows
 * as the splitter hands them over and runs out of that heap, so the heap is too small to hold the result: the streamed
 * run cannot have held it, nor the run in batches ({@code batchSize}). The wait for the child only turns a hang into a failure; no time is asserted.
 */
@Tag("server")
class StreamedRouteHeapTest {

    private static final String HEAP = "-Xmx48m";
    private static final int ROWS = 1_000_000;
    private static final long SUM = (long) ROWS * (ROWS - 1) / 2;

    @Test
    void aMillionRowsOfSqlPassThroughASplitterInASmallHeap() throws Exception {
        ChildJvm.Result run = child("split");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("ROWS " + ROWS + " " + SUM), run.output());
    }

    @Test
    void aMillionRowsInBatchesPassThroughThatHeapToo() throws Exception {
        ChildJvm.Result run = child("batches");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("ROWS " + ROWS + " " + SUM), run.output());
    }

    @Test
    void keepingTheRowsRunsOutOfThatHeap() throws Exception {
        ChildJvm.Result run = child("keep");
        assertNotEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("OutOfMemoryError"), run.output());
    }

    private static ChildJvm.Result child(String mode) throws Exception {
        return ChildJvm.run(List.of(HEAP, "-XX:+UseParallelGC"), StreamedRouteMain.class, mode, String.valueOf(ROWS));
    }
}
