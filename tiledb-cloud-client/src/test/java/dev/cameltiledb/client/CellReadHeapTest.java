package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read of 10,000,000 int64 cells (80 MB of values) through a heap of {@value #HEAP} ({@link CellReadHeapMain} in a
 * child JVM, pages of 4 MiB). The control keeps the pages as it reads them and runs out of that heap, so the heap is
 * too small to hold the cells: the read that completes cannot have held them. No time is asserted; the wait for the
 * child only turns a hang into a failure.
 */
@Tag("server")
class CellReadHeapTest {

    private static final String HEAP = "-Xmx48m";
    private static final long CELLS = 10_000_000L;
    private static final long SUM = CELLS * (CELLS - 1) / 2;

    @Test
    void tenMillionCellsAreReadThroughASmallHeap() throws Exception {
        ChildJvm.Result run = child("stream");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("CELLS " + CELLS + " " + SUM + " PAGES 20"), run.output());
    }

    @Test
    void keepingThePagesRunsOutOfThatHeap() throws Exception {
        ChildJvm.Result run = child("collect");
        assertNotEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("OutOfMemoryError"), run.output());
    }

    private static ChildJvm.Result child(String mode) throws Exception {
        return ChildJvm.run(List.of(HEAP, "-XX:+UseParallelGC"), CellReadHeapMain.class, mode, String.valueOf(CELLS));
    }
}
