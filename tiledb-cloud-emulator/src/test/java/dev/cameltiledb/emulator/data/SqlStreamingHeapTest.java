package dev.cameltiledb.emulator.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.cameltiledb.emulator.data.cells.CellBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1,000,000-row SQL result goes through a JVM whose heap is smaller than the answer: the engine streams it from the
 * database to the client row by row. The result is an array of 1,000 cells joined with itself (the rows are produced by
 * the query, so the test does not spend its time writing a million cells). The control proves the heap is small
 * enough to matter: holding the same answer whole runs out of memory in the same JVM.
 */
@Tag("server") // a child JVM: failsafe runs it with the other server tests
class SqlStreamingHeapTest {

    private static final int CELLS = 1_000;
    private static final int ROWS = CELLS * CELLS;
    private static final String HEAP = "-Xmx64m";

    @TempDir
    static Path dir;

    private static String arrayId;

    @BeforeAll
    static void fill() {
        TestCatalog catalog = new TestCatalog();
        try (DataEngine engine = DataEngine.builder(catalog).dataDirectory(dir).build()) {
            ArrayEntry big = catalog.add("acme", "big", TestCatalog.WIDE);
            arrayId = big.id();
            Iterator<Object[]> rows = new Iterator<>() {
                private long next;

                @Override
                public boolean hasNext() {
                    return next < CELLS;
                }

                @Override
                public Object[] next() {
                    long id = next++;
                    return new Object[] {id, id + 0.25, "row-" + id};
                }
            };
            engine.cells().write(big, CellBatch.of(List.of("id", "v", "s"), rows), null);
        }
    }

    private static Probe probe(String mode) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        HEAP,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SqlStreamProbe.class.getName(),
                        dir.toString(),
                        arrayId,
                        mode)
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the probe JVM did not end");
        return new Probe(p.exitValue(), output);
    }

    private record Probe(int exit, String output) {}

    @Test
    void aMillionRowResultStreamsThroughAHeapSmallerThanTheAnswer() throws Exception {
        Probe streamed = probe("stream");
        assertEquals(0, streamed.exit(), streamed.output());
        assertTrue(streamed.output().contains("rows=" + ROWS + " "), streamed.output());
        long bytes = Long.parseLong(streamed.output().replaceAll("(?s).*bytes=(\\d+).*", "$1"));
        assertTrue(bytes > 64L * 1024 * 1024 / 2, "the answer (" + bytes + " bytes) is not small next to the heap");

        Probe collected = probe("collect");
        assertNotEquals(0, collected.exit(), collected.output());
        assertTrue(collected.output().contains("OutOfMemoryError"), collected.output());
    }
}
