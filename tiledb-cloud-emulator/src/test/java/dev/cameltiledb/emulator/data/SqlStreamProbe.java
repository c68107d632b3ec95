package dev.cameltiledb.emulator.data;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.sql.SqlParameters;

/**
 * The producing side of {@link SqlStreamingHeapTest}, run in its own JVM with a small heap: opens the engine on the
 * data directory the test filled, runs a query over the array and writes the JSON answer to a stream that
 * counts rows and keeps nothing ({@code stream}), or to a byte array ({@code collect}: the control, which holds the
 * whole answer). The query joins the array's cells with themselves, every cell with every cell. Prints {@code rows=<n> bytes=<n> peakHeap=<bytes>}.
 */
public final class SqlStreamProbe {

    private SqlStreamProbe() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String arrayId = args[1];
        boolean collect = args[2].equals("collect");
        TestCatalog catalog = new TestCatalog();
        catalog.put(new ArrayEntry(arrayId, "acme", "big", new ObjectMapper().readTree(TestCatalog.WIDE)));
        try (DataEngine engine = DataEngine.builder(catalog).dataDirectory(dir).build();
                StreamedAnswer answer = engine.sql()
                        .run(
                                Caller.of("alice", "acme"),
                                "acme",
                                SqlParameters.of(
                                        "select a.id as a, b.id as b, b.v, b.s from `tiledb://acme/big` a cross join"
                                                + " `tiledb://acme/big` b"))) {
            RowCounter counter = new RowCounter();
            if (collect) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                answer.writeTo(all);
                all.writeTo(counter);
            } else {
                answer.writeTo(counter);
            }
            System.out.println("rows=" + counter.rows + " bytes=" + counter.bytes + " peakHeap=" + peakHeap());
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Counts the row objects of a JSON array of flat objects (each opens with one brace) and the bytes. */
    private static final class RowCounter extends OutputStream {
        long rows;
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '{') {
                rows++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '{') {
                    rows++;
                }
            }
        }
    }
}
