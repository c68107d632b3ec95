package dev.cameltiledb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.Credentials;
import dev.cameltiledb.client.RowStream;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.QueryJson;
import dev.cameltiledb.client.model.QueryRanges;
import dev.cameltiledb.client.model.SqlParameters;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * One measured read of the data plane in a JVM of its own (started by {@link DataPlaneWorkloads} with a small -Xmx),
 * so the heap high-water mark belongs to that read alone: {@code n} rows of a SQL result, or {@code n} cells of a JSON
 * query, each turned into one {@code Map} and counted. A warm-up read of 1,000 rows runs the same code first. Prints
 * {@code <elapsed ms> <peak heap bytes> <rows>}; a row count other than {@code n} fails the run. Arguments: mode,
 * emulator URL, API key, n.
 *
 * <ul>
 *   <li>{@code sql-route}, {@code query-route}: a Camel route, the result split with {@code split(body()).streaming()};
 *   <li>{@code sql-route-batch}, {@code query-route-batch}: the same with {@code batchSize=}{@value #BATCH}, each split
 *       exchange a List of rows;
 *   <li>{@code sql-client}, {@code query-client}: the client module's {@link RowStream}, no Camel (the route's
 *       stand-in where the component has no such resource);
 *   <li>{@code sql-baseline}, {@code query-baseline}: HttpClient 5 and Jackson's streaming parser, written by hand;
 *   <li>{@code split-only}: the control, the route's splitter over Maps made in memory (no HTTP).
 * </ul>
 */
public final class DataPlaneProbe {

    static final String NS = "bench";
    static final String ARRAY = "cells";
    static final String URI = "tiledb://" + NS + "/" + ARRAY;
    /** Answers larger than the default bound (a share of a small heap) are the point here: they are streamed. */
    static final long MAX_RESPONSE = 1L << 30;

    /** The rows of each exchange in the {@code -batch} route modes. */
    static final int BATCH = 1_000;

    private static final int WARM_UP = 1_000;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectReader ROW = new ObjectMapper().readerFor(Map.class);

    private DataPlaneProbe() {}

    /** The SQL every contender runs: the array's first {@code n} cells. */
    static String sql(long n) {
        return "select id, v, s from `" + URI + "` limit " + n;
    }

    /** The JSON query every contender sends: the cells with ids 0 to {@code n - 1}, every field. */
    static String queryJson(long n) {
        return "{\"query_ranges\": {\"layout\": \"row-major\", \"ranges\": [[0, " + (n - 1) + "]]}}";
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String host = args[1];
        String key = args[2];
        long n = Long.parseLong(args[3]);
        try (Contender contender = contender(mode, host, key)) {
            expect(WARM_UP, contender.read(WARM_UP));
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();
            long rows = contender.read(n);
            double millis = (System.nanoTime() - started) / 1e6;
            expect(n, rows);
            System.out.println(millis + " " + peakHeap() + " " + rows);
        }
    }

    private static void expect(long n, long rows) {
        if (rows != n) {
            throw new IllegalStateException("read " + rows + " rows, expected " + n);
        }
    }

    /** Reads {@code n} rows one Map at a time; answers how many came. */
    interface Contender extends AutoCloseable {
        long read(long n) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    private static Contender contender(String mode, String host, String key) throws Exception {
        String common = "&host=" + host + "&apiKey=" + key + "&maxResponseSize=" + MAX_RESPONSE;
        return switch (mode) {
            case "sql-route", "sql-route-batch" ->
                new Route(
                        "tiledb:sql?namespace=" + NS + "&streamResults=true" + batch(mode) + common,
                        (template, n) -> template.sendBody("direct:rows", sql(n)));
            case "query-route", "query-route-batch" ->
                new Route(
                        "tiledb:arrays?operation=query&namespace=" + NS + "&array=" + ARRAY + "&streamResults=true"
                                + batch(mode) + common,
                        // the slice as the ranges header; the body is not read
                        (template, n) -> template.sendBodyAndHeader(
                                "direct:rows", null, "CamelTileDBRanges", "[[0, " + (n - 1) + "]]"));
            case "split-only" -> new Route(null, (template, n) -> template.sendBody("direct:rows", madeRows(n)));
            case "sql-client", "query-client" -> new Client(host, key, mode.startsWith("sql"));
            case "sql-baseline" -> new SqlBaseline(host, key);
            case "query-baseline" -> new QueryBaseline(host, key);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    }

    /** The batchSize option of a {@code -batch} mode: each split exchange a List of {@value #BATCH} rows. */
    private static String batch(String mode) {
        return mode.endsWith("-batch") ? "&batchSize=" + BATCH : "";
    }

    /** How a route run is started: the exchange that asks for {@code n} rows. */
    @FunctionalInterface
    private interface Start {
        void send(ProducerTemplate template, long n);
    }

    /**
     * {@code from("direct:rows").to(<endpoint>).split(body()).streaming()}, counting the Maps that reach the end. Without
     * an endpoint it is the control: the splitter alone, over what the exchange carries.
     */
    private static final class Route implements Contender {
        private final CamelContext camel = new DefaultCamelContext();
        private final ProducerTemplate template;
        private final AtomicLong rows = new AtomicLong();
        private final Start start;

        Route(String endpoint, Start start) throws Exception {
            this.start = start;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    var from = from("direct:rows");
                    (endpoint == null ? from : from.to(endpoint))
                            .split(body())
                            .streaming()
                            .process(e -> rows.addAndGet(rowsIn(e.getMessage().getBody())));
                }
            });
            camel.start();
            template = camel.createProducerTemplate();
        }

        /** The rows an exchange carries: one Map, or a batch (a List of Maps). */
        private static int rowsIn(Object body) {
            List<?> batch = body instanceof List<?> list ? list : List.of(body);
            for (Object row : batch) {
                if (!(row instanceof Map)) {
                    throw new IllegalStateException("a row is not a Map: " + row);
                }
            }
            return batch.size();
        }

        @Override
        public long read(long n) {
            rows.set(0);
            start.send(template, n);
            return rows.get();
        }

        @Override
        public void close() throws Exception {
            camel.close();
        }
    }

    /** {@code n} Maps of the SQL rows' shape, each made when it is asked for (the control's input). */
    private static Iterator<Map<String, Object>> madeRows(long n) {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public Map<String, Object> next() {
                long id = next++;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", id);
                row.put("v", id + 0.25);
                row.put("s", "row-" + id);
                return row;
            }
        };
    }

    /** The client module's rows ({@code sql().exec(...).rows()}, {@code arrays().queryJson(...)}). */
    private static final class Client implements Contender {
        private final TileDBClient client;
        private final boolean sql;

        Client(String host, String key, boolean sql) {
            this.client = new TileDBClient(ClientSettings.builder()
                    .host(host)
                    .credentials(new Credentials.ApiKey(key, "code"))
                    .limits(ClientSettings.DEFAULT_CALL_TIMEOUT_MILLIS, MAX_RESPONSE)
                    .build());
            this.sql = sql;
        }

        @Override
        public long read(long n) {
            long count = 0;
            try (RowStream rows = sql
                    ? client.sql().exec(NS, SqlParameters.of(sql(n))).rows()
                    : client.arrays()
                            .queryJson(
                                    AssetRef.parse(URI),
                                    new QueryJson(new QueryRanges("row-major", List.of(List.of(0, n - 1))), null),
                                    null)) {
                while (rows.hasNext()) {
                    Map<String, Object> row = rows.next();
                    if (row.isEmpty()) {
                        throw new IllegalStateException("an empty row");
                    }
                    count++;
                }
            }
            return count;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** What both hand-written baselines share: one HttpClient 5, and a POST of a JSON body with the API key. */
    private abstract static class HandWritten implements Contender {
        final CloseableHttpClient http = HttpClients.createDefault();
        final String host;
        private final String key;

        HandWritten(String host, String key) {
            this.host = host;
            this.key = key;
        }

        HttpPost post(String url, String body) {
            HttpPost post = new HttpPost(url);
            post.setHeader("X-TILEDB-REST-API-KEY", key);
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            return post;
        }

        @Override
        public void close() throws IOException {
            http.close();
        }
    }

    /** HttpClient 5 and Jackson by hand: the SQL answer (a JSON array of objects) parsed off the wire, a Map a row. */
    private static final class SqlBaseline extends HandWritten {

        SqlBaseline(String host, String key) {
            super(host, key);
        }

        @Override
        public long read(long n) throws IOException {
            String body = "{\"query\": \"" + sql(n).replace("\"", "\\\"") + "\", \"result_format\": \"json\"}";
            return http.execute(post(host + "/v1/sql/" + NS, body), response -> {
                if (response.getCode() != 200) {
                    throw new IOException("SQL answered " + response.getCode());
                }
                long count = 0;
                try (InputStream in = response.getEntity().getContent();
                        JsonParser parser = JSON.createParser(in)) {
                    if (parser.nextToken() != JsonToken.START_ARRAY) {
                        throw new IOException("the SQL answer is not an array");
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, Object> row = ROW.readValue(parser);
                        if (row.isEmpty()) {
                            throw new IOException("an empty row");
                        }
                        count++;
                    }
                }
                return count;
            });
        }
    }

    /**
     * HttpClient 5 and Jackson by hand: the query's answer is column by column ({@code {"id": [...], "v": [...]}}), so
     * a bounded heap needs it on disk first; then one parser per column, each at its column's offset, gives a row
     * a value from each.
     */
    private static final class QueryBaseline extends HandWritten {

        QueryBaseline(String host, String key) {
            super(host, key);
        }

        @Override
        public long read(long n) throws IOException {
            Path file = Files.createTempFile("bench-query-", ".json");
            try {
                http.execute(
                        post(host + "/v1/arrays/" + NS + "/" + ARRAY + "/query/submit_query_json", queryJson(n)),
                        response -> {
                            if (response.getCode() != 200) {
                                throw new IOException("the query answered " + response.getCode());
                            }
                            try (InputStream in = response.getEntity().getContent()) {
                                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                            }
                            return null;
                        });
                return rows(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }

        private static long rows(Path file) throws IOException {
            Map<String, Long> offsets = new LinkedHashMap<>();
            try (JsonParser parser = JSON.createParser(file.toFile())) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("the query answer is not an object of columns");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    offsets.put(name, parser.currentTokenLocation().getByteOffset());
                    parser.skipChildren();
                }
            }
            List<String> names = new ArrayList<>(offsets.keySet());
            List<JsonParser> columns = new ArrayList<>();
            try {
                for (long offset : offsets.values()) {
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    JsonParser parser = JSON.createParser(Channels.newInputStream(channel.position(offset)));
                    columns.add(parser);
                    parser.nextToken(); // the column's START_ARRAY
                }
                long count = 0;
                while (true) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        JsonParser column = columns.get(i);
                        JsonToken token = column.nextToken();
                        if (token == JsonToken.END_ARRAY) {
                            return count;
                        }
                        row.put(names.get(i), value(column, token));
                    }
                    count++;
                }
            } finally {
                for (JsonParser parser : columns) {
                    parser.close();
                }
            }
        }

        private static Object value(JsonParser parser, JsonToken token) throws IOException {
            return switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
                case VALUE_STRING -> parser.getText();
                case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
                case VALUE_NULL -> null;
                default -> throw new IOException("a column holds " + token);
            };
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
