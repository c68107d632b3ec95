package dev.cameltiledb.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.CellPages;
import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.Credentials;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.capnp.MessageReader;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.BufferHeader;
import dev.cameltiledb.client.cells.CellBuffers;
import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.cells.CellInput;
import dev.cameltiledb.client.cells.CellRead;
import dev.cameltiledb.client.cells.CellWrite;
import dev.cameltiledb.client.cells.QueryAnswer;
import dev.cameltiledb.client.cells.QueryWire;
import dev.cameltiledb.client.cells.WrittenFragment;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityTemplate;

/**
 * One measured read or write of int64 cells over the REST query protocol in a JVM of its own (started by
 * {@link CellsWorkloads}), so its peak heap and its CPU time belong to that run alone. A warm-up of
 * {@value #WARM_UP} cells runs the same code first (a read of the array's first cells; a write into the warm-up
 * array). Prints {@value #START} and {@value #END} around the timed run, then {@code <elapsed ms> <peak heap bytes>
 * <cells> <process CPU ns>}; a cell count other than n fails the run. Arguments: mode, emulator URL, API key, dense|sparse, array, warm-up array, n, read buffer bytes,
 * fragment cells.
 *
 * <p>The cells: dense, {@code a = i} at {@code d = i} for i in [0, n), the attribute alone sent and read; sparse,
 * {@code d = 2i} and {@code a = i}, coordinates sent and read. Modes:
 *
 * <ul>
 *   <li>{@code ours-read}, {@code ours-write}: {@code CellsApi} with typed columns ({@code CellColumns}; a write's
 *       {@code long[]} through {@code CellInput.columns}), a fragment per {@code CellsApi.write};
 *   <li>{@code camel-read}, {@code camel-write}: {@code tiledb:arrays?operation=read&cellFormat=columns&streamResults=true}
 *       split page by page; {@code operation=write} with the whole body as a Map of {@code long[]} columns, cut by
 *       the component into fragments of {@code fragmentSize};
 *   <li>{@code loop-read}, {@code loop-write}: HttpClient 5 by hand, the ceiling: the request bytes our client sends
 *       (built with {@code QueryWire}, the buffers little-endian), each answer read to its end without decoding its
 *       cells, the answer's message sent back while the status is INCOMPLETE.
 * </ul>
 */
public final class CellsProbe {

    static final String NS = "bench";
    static final String DIM = "d";
    static final String ATTR = "a";
    static final int WARM_UP = 10_000;
    /** The lines printed when the timed run starts and ends. */
    static final String START = "timing";

    static final String END = "timed";
    /** Enough for a page of 64 MiB and a write's answer; the default bound is a share of a small heap. */
    private static final long MAX_RESPONSE = 1L << 30;

    private CellsProbe() {}

    /** What one probe run is asked to do. */
    record Job(
            String url, String key, boolean dense, String array, String warmArray, long n, long buffer, int fragment) {
        /** The cells of a fragment that starts at cell {@code from}: the attribute, and for sparse the coordinates. */
        Map<String, long[]> cells(long from, int size) {
            long[] a = new long[size];
            for (int i = 0; i < size; i++) {
                a[i] = from + i;
            }
            Map<String, long[]> columns = new LinkedHashMap<>();
            if (!dense) {
                long[] d = new long[size];
                for (int i = 0; i < size; i++) {
                    d[i] = 2 * (from + i);
                }
                columns.put(DIM, d);
            }
            columns.put(ATTR, a);
            return columns;
        }
    }

    /** A contender: reads or writes {@code n} cells of {@code array}; answers how many. */
    interface Contender extends AutoCloseable {
        long run(String array, long n) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Job job = new Job(
                args[1],
                args[2],
                args[3].equals("dense"),
                args[4],
                args[5],
                Long.parseLong(args[6]),
                Long.parseLong(args[7]),
                Integer.parseInt(args[8]));
        boolean read = mode.endsWith("-read");
        try (Contender contender = contender(mode, job)) {
            long warm = Math.min(WARM_UP, job.n());
            expect(warm, contender.run(read ? job.array() : job.warmArray(), warm));
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            // the harness takes its own (the emulator's) CPU time between these two lines
            System.out.println(START);
            System.out.flush();
            long cpu = processCpu();
            long started = System.nanoTime();
            long cells = contender.run(job.array(), job.n());
            double millis = (System.nanoTime() - started) / 1e6;
            cpu = processCpu() - cpu;
            System.out.println(END);
            System.out.flush();
            expect(job.n(), cells);
            System.out.println(millis + " " + peakHeap() + " " + cells + " " + cpu);
        }
    }

    private static void expect(long n, long cells) {
        if (cells != n) {
            throw new IllegalStateException(n + " cells expected, " + cells + " came");
        }
    }

    private static Contender contender(String mode, Job job) throws Exception {
        return switch (mode) {
            case "ours-read" -> new OursRead(job);
            case "ours-write" -> new OursWrite(job);
            case "camel-read" -> new CamelRead(job);
            case "camel-write" -> new CamelWrite(job);
            case "loop-read" -> new LoopRead(job);
            case "loop-write" -> new LoopWrite(job);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    }

    static TileDBClient client(Job job) {
        return new TileDBClient(ClientSettings.builder()
                .host(job.url())
                .credentials(new Credentials.ApiKey(job.key(), "bench"))
                .limits(600_000, MAX_RESPONSE)
                // a write of 1,000,000 cells can keep the emulator (cells in H2) busy for over a minute
                .timeouts(10_000, 600_000, 60_000)
                .build());
    }

    /** A read of the first n cells (every cell when n is the array's size): ranges [0, n-1] on d, dense or sparse. */
    static List<List<Long>> ranges(boolean dense, long n) {
        return List.of(List.of(0L, dense ? n - 1 : 2 * (n - 1)));
    }

    /** The fields a read asks for: dense, the attribute alone (no coordinates); sparse, the coordinates too. */
    static List<String> fields(boolean dense) {
        return dense ? List.of(ATTR) : List.of(DIM, ATTR);
    }

    /** Sums the attribute of a page and checks its cells are the ones expected ({@code a = i} in order). */
    static final class Check {
        long cells;

        void page(CellColumns page) {
            long[] a = (long[]) page.column(ATTR);
            for (int i = 0; i < page.size(); i++) {
                if (a[i] != cells + i) {
                    throw new IllegalStateException("cell " + (cells + i) + " holds a = " + a[i]);
                }
            }
            cells += page.size();
        }
    }

    // ---- ours: CellsApi with typed columns

    private static final class OursRead implements Contender {
        private final Job job;
        private final TileDBClient client;

        OursRead(Job job) {
            this.job = job;
            this.client = client(job);
        }

        @Override
        public long run(String array, long n) {
            ArrayCells schema = client.cells().schema(NS, array);
            CellRead read =
                    new CellRead(fields(job.dense()), ranges(job.dense(), n), "row-major", null, null, job.buffer());
            Check check = new Check();
            try (CellPages pages = client.cells().read(NS, array, schema, read)) {
                while (pages.hasNext()) {
                    check.page(pages.next());
                }
            }
            return check.cells;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static final class OursWrite implements Contender {
        private final Job job;
        private final TileDBClient client;

        OursWrite(Job job) {
            this.job = job;
            this.client = client(job);
        }

        @Override
        public long run(String array, long n) {
            ArrayCells schema = client.cells().schema(NS, array);
            long written = 0;
            for (long from = 0; from < n; from += job.fragment()) {
                int size = (int) Math.min(job.fragment(), n - from);
                CellWrite cells = CellInput.columns(schema, job.cells(from, size));
                if (job.dense()) {
                    cells = cells.inBox(List.<long[]>of(new long[] {from, from + size - 1}), "row-major");
                }
                WrittenFragment made = client.cells().write(NS, array, schema, cells, null);
                written += made.cells();
            }
            return written;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    // ---- the Camel route, columns format

    private static String common(Job job) {
        return "&host=" + job.url() + "&apiKey=" + job.key() + "&maxResponseSize=" + MAX_RESPONSE;
    }

    private static final class CamelRead implements Contender {
        private final CamelContext camel = new DefaultCamelContext();
        private final ProducerTemplate template;
        private final Check[] check = {new Check()};
        private final Job job;

        CamelRead(Job job) throws Exception {
            this.job = job;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:read")
                            .toD("tiledb:arrays?operation=read&namespace=" + NS + "&array=${header.array}"
                                    + "&cellFormat=columns&streamResults=true&layout=row-major&readBufferSize="
                                    + job.buffer() + "&fields=" + String.join(",", fields(job.dense())) + common(job))
                            .split(body())
                            .streaming()
                            .process(e -> check[0].page(e.getMessage().getBody(CellColumns.class)));
                }
            });
            camel.start();
            template = camel.createProducerTemplate();
        }

        @Override
        public long run(String array, long n) {
            check[0] = new Check();
            template.sendBodyAndHeaders(
                    "direct:read",
                    null,
                    Map.of(
                            "array",
                            array,
                            "CamelTileDBRanges",
                            ranges(job.dense(), n).toString()));
            return check[0].cells;
        }

        @Override
        public void close() throws Exception {
            camel.close();
        }
    }

    private static final class CamelWrite implements Contender {
        private final CamelContext camel = new DefaultCamelContext();
        private final ProducerTemplate template;
        private final Job job;

        CamelWrite(Job job) throws Exception {
            this.job = job;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:write")
                            .toD("tiledb:arrays?operation=write&namespace=" + NS + "&array=${header.array}"
                                    + "&fragmentSize=" + job.fragment() + common(job));
                }
            });
            camel.start();
            template = camel.createProducerTemplate();
        }

        @Override
        public long run(String array, long n) {
            // the whole body at once, as a route holds it: the component checks it and cuts it into fragments
            Map<String, long[]> body = job.cells(0, Math.toIntExact(n));
            Object reply = template.requestBodyAndHeader("direct:write", body, "array", array);
            long written = 0;
            for (Object made : (List<?>) reply) {
                written += ((WrittenFragment) made).cells();
            }
            return written;
        }

        @Override
        public void close() throws Exception {
            camel.close();
        }
    }

    // ---- the ceiling: HttpClient 5 by hand, the same bytes, nothing decoded

    private abstract static class Loop implements Contender {
        final CloseableHttpClient http = HttpClients.createDefault();
        final Job job;
        final ArrayCells schema;

        Loop(Job job) {
            this.job = job;
            // the schema once, outside the timing: the loop knows its array (ours asks for it on every run)
            try (TileDBClient client = client(job)) {
                this.schema = client.cells().schema(NS, job.array());
            }
        }

        HttpPost post(String array, String type, byte[]... parts) {
            HttpPost post = new HttpPost(job.url() + "/v2/arrays/" + NS + "/" + array + "/query/submit?type=" + type);
            post.setHeader("X-TILEDB-REST-API-KEY", job.key());
            post.setHeader("Accept", "application/capnp");
            long length = 0;
            for (byte[] p : parts) {
                length += p.length;
            }
            // the parts one after the other, as our client streams them (no copy into one array)
            post.setEntity(new EntityTemplate(length, ContentType.create("application/capnp"), null, out -> {
                for (byte[] p : parts) {
                    out.write(p);
                }
            }));
            return post;
        }

        /**
         * Reads an answer: its 8-byte length, its message (kept, to send back), then every byte after it to the end,
         * counting them. Answers the message and the bytes of cells.
         */
        static Object[] answer(InputStream body, byte[] scratch) throws IOException {
            DataInputStream in = new DataInputStream(body);
            byte[] prefix = new byte[8];
            in.readFully(prefix);
            long length = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
            byte[] message = new byte[Math.toIntExact(length)];
            in.readFully(message);
            long rest = 0;
            for (int r; (r = in.read(scratch)) > 0; ) {
                rest += r;
            }
            return new Object[] {message, rest};
        }

        @Override
        public void close() throws IOException {
            http.close();
        }
    }

    private static final class LoopRead extends Loop {
        private final byte[] scratch = new byte[1 << 16];

        LoopRead(Job job) {
            super(job);
        }

        @Override
        public long run(String array, long n) throws IOException {
            // the first request as our client builds it: the buffer shared by the fields as CellReadBudget shares it
            List<BufferHeader> budgets = new ArrayList<>();
            List<String> fields = fields(job.dense());
            long cellsPerPage = job.buffer() / (8L * fields.size());
            for (String f : fields) {
                budgets.add(BufferHeader.budget(f, 8 * cellsPerPage, 0, 0));
            }
            byte[] request = QueryWire.readRequest(
                    "row-major", budgets, CellBuffers.ranges(schema, ranges(job.dense(), n)), 0, 0);
            long cells = 0;
            while (true) {
                Object[] answer = http.execute(post(array, "READ", request), response -> {
                    if (response.getCode() != 200) {
                        throw new IOException("a read answered " + response.getCode());
                    }
                    try (InputStream in = response.getEntity().getContent()) {
                        return answer(in, scratch);
                    }
                });
                byte[] message = (byte[]) answer[0];
                // the status, from the message alone (the cells after it are never looked at)
                QueryAnswer status = QueryWire.answer(MessageReader.of(message, "an answer"));
                cells += (Long) answer[1] / (8L * fields.size());
                if (!status.incomplete()) {
                    return cells;
                }
                request = message;
            }
        }
    }

    private static final class LoopWrite extends Loop {
        private final byte[] scratch = new byte[1 << 16];

        LoopWrite(Job job) {
            super(job);
        }

        @Override
        public long run(String array, long n) throws IOException {
            long written = 0;
            for (long from = 0; from < n; from += job.fragment()) {
                int size = (int) Math.min(job.fragment(), n - from);
                Map<String, long[]> cells = job.cells(from, size);
                List<BufferHeader> headers = new ArrayList<>();
                List<byte[]> parts = new ArrayList<>();
                parts.add(null);
                for (Map.Entry<String, long[]> c : cells.entrySet()) {
                    ByteBuffer b = ByteBuffer.allocate(8 * size).order(ByteOrder.LITTLE_ENDIAN);
                    b.asLongBuffer().put(c.getValue());
                    headers.add(BufferHeader.sent(c.getKey(), 8L * size, 0, 0));
                    parts.add(b.array());
                }
                parts.set(
                        0,
                        QueryWire.writeRequest(
                                job.dense() ? "row-major" : "unordered",
                                headers,
                                job.dense()
                                        ? CellBuffers.box(schema, List.<long[]>of(new long[] {from, from + size - 1}))
                                        : null,
                                0));
                http.execute(post(array, "WRITE", parts.toArray(byte[][]::new)), response -> {
                    if (response.getCode() != 200) {
                        throw new IOException("a write answered " + response.getCode());
                    }
                    try (InputStream in = response.getEntity().getContent()) {
                        return answer(in, scratch);
                    }
                });
                written += size;
            }
            return written;
        }
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
