package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 17: a 64 MiB listing answer read at {@value #HEAP} ({@link ListingHeapMain} in a child JVM). At the
 * default maxResponseSize, sized by the heap (a 64th: about 1.4 MiB there), the call fails with the named size-limit error and the
 * JVM goes on; with a limit past the answer (the control) the same listing runs out of that heap, so the default is
 * what stands between the answer and an OutOfMemoryError. Twenty such calls at once (a full pool) are not asserted:
 * at this heap they were each refused in two runs and ran out of memory (GC overhead) in a third (docs/fault-matrix.md).
 * The wait for the child only turns a hang into a failure; no time is asserted.
 */
@Tag("server")
class ListingHeapTest {

    private static final String HEAP = "-Xmx96m";

    /** The refusal with the limit the child used: a 64th of the heap its JVM reports (a little under 96 MiB). */
    private static void assertRefusedAtTheDefault(ChildJvm.Result run) {
        java.util.regex.Matcher limit =
                java.util.regex.Pattern.compile("HEAP (\\d+) LIMIT (\\d+)").matcher(run.output());
        assertTrue(limit.find(), run.output());
        long heap = Long.parseLong(limit.group(1));
        assertEquals(dev.cameltiledb.rest.BoundedInputStream.defaultLimit(heap), Long.parseLong(limit.group(2)));
        assertTrue(heap <= 96L << 20 && Long.parseLong(limit.group(2)) <= 1_572_864, run.output());
        assertTrue(
                run.output().contains("GET /v1/arrays is larger than maxResponseSize (" + limit.group(2) + " bytes)"),
                run.output());
    }

    @Test
    void aSixtyFourMebibyteListingIsRefusedAtTheDefaultLimitInsteadOfRunningOutOfMemory() throws Exception {
        ChildJvm.Result run = child("default", 1);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("REFUSED 1 "), run.output());
        assertRefusedAtTheDefault(run);
    }

    @Test
    void withoutTheLimitTheSameListingRunsOutOfThatHeap() throws Exception {
        ChildJvm.Result run = child("unbounded", 1);
        assertNotEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("OutOfMemoryError"), run.output());
    }

    private static ChildJvm.Result child(String mode, int calls) throws Exception {
        return ChildJvm.run(List.of(HEAP, "-XX:+UseParallelGC"), ListingHeapMain.class, mode, String.valueOf(calls));
    }
}
