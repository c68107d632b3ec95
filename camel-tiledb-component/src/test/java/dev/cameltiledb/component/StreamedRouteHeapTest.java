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
 * An SQL result of 1,000,000 rows split by a route through a heap of {@value #HEAP_MIB} MiB ({@link StreamedRouteMain}
 * in a child JVM): {@code tiledb:sql?streamResults=true} then {@code split(body()).streaming()}. The answer's JSON alone
 * is larger than that heap (the server counts the bytes it wrote), and its rows as Java maps take more room than their
 * JSON, so the route cannot have held the result; the same in batches of 1,000 rows ({@code batchSize}). The wait for the child only turns a hang into a failure; no time is
 * asserted.
 */
@Tag("server")
class StreamedRouteHeapTest {

    private static final int HEAP_MIB = 32;
    private static final int ROWS = 1_000_000;
    private static final long SUM = (long) ROWS * (ROWS - 1) / 2;

    @Test
    void aMillionRowsOfSqlPassThroughASplitterInAHeapSmallerThanTheirJson() throws Exception {
        assertStreamedThroughTheHeap("Streamed route", String.valueOf(ROWS));
    }

    @Test
    void aMillionRowsInBatchesOfAThousandPassThroughThatHeapToo() throws Exception {
        assertStreamedThroughTheHeap("Streamed route, batchSize=1000", String.valueOf(ROWS), "1000");
    }

    private static void assertStreamedThroughTheHeap(String what, String... args) throws Exception {
        ChildJvm.Result run =
                ChildJvm.run(List.of("-Xmx" + HEAP_MIB + "m", "-XX:+UseParallelGC"), StreamedRouteMain.class, args);
        assertEquals(0, run.exit(), run.output());
        Matcher result = Pattern.compile("ROWS (\\d+) (\\d+) BYTES (\\d+)").matcher(run.output());
        assertTrue(result.find(), run.output());
        assertEquals(ROWS, Long.parseLong(result.group(1)), "every row reached the splitter");
        assertEquals(SUM, Long.parseLong(result.group(2)), "each once");
        long bytes = Long.parseLong(result.group(3));
        System.out.printf("%s: %d rows, %d bytes of JSON, through a route in -Xmx%dm%n", what, ROWS, bytes, HEAP_MIB);
        assertTrue(bytes > (long) HEAP_MIB << 20, "the answer (" + bytes + " bytes) is larger than the heap");
    }
}
