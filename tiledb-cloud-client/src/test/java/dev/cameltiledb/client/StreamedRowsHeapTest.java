package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A result of 1,000,000 rows read through a heap of {@value #HEAP} ({@link StreamedRowsMain} in a child JVM): rows of
 * SQL off the live answer, and cells of a JSON query through its spooled columns. The control keeps the rows as it
 * reads them and runs out of that heap, so the heap is too small to hold the result: the streamed runs cannot have
 * held it. The wait for the child only turns a hang into a failure; no time is asserted.
 */
@Tag("server")
class StreamedRowsHeapTest {

    private static final String HEAP = "-Xmx24m";
    private static final int ROWS = 1_000_000;
    private static final long SUM = (long) ROWS * (ROWS - 1) / 2;

    @Test
    void aMillionSqlRowsStreamThroughASmallHeap() throws Exception {
        ChildJvm.Result run = child("sql");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("ROWS " + ROWS + " " + SUM), run.output());
    }

    @Test
    void aMillionCellsOfAJsonQueryBecomeRowsThroughASmallHeap() throws Exception {
        ChildJvm.Result run = child("query");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("ROWS " + ROWS + " " + SUM), run.output());
    }

    @Test
    void keepingTheRowsRunsOutOfThatHeap() throws Exception {
        ChildJvm.Result run = child("sql-collect");
        assertNotEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("OutOfMemoryError"), run.output());
    }

    private static ChildJvm.Result child(String mode) throws Exception {
        return ChildJvm.run(List.of(HEAP, "-XX:+UseParallelGC"), StreamedRowsMain.class, mode, String.valueOf(ROWS));
    }
}
