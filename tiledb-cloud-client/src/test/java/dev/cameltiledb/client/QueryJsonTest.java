package dev.cameltiledb.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.cameltiledb.client.model.QueryJson;
import dev.cameltiledb.client.model.QueryRanges;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cameltiledb.client.DataPlaneServer.KEY;
import static dev.cameltiledb.client.DataPlaneServer.TASK_ID;
import static dev.cameltiledb.client.DataPlaneServer.taskJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /v1/arrays/{namespace}/{array}/query/submit_query_json} against WireMock: the query sent, the
 * column-oriented answer (plain, or wrapped as the spec's example writes it) turned into rows, the temporary file it is
 * spooled to removed at the end or on close, and the answers that cannot be rows. Every exchange is checked against
 * the official spec after each test.
 */
class QueryJsonTest {

    @RegisterExtension
    static final DataPlaneServer SERVER = new DataPlaneServer();

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(KEY);

    private static final String PATH = "/v1/arrays/acme/dense_2d/query/submit_query_json";
    private static final AssetRef ARRAY = new AssetRef("acme", "dense_2d");
    private static final QueryJson QUERY =
            new QueryJson(new QueryRanges("row-major", List.of(List.of(1, 2), List.of(1, 2))), List.of());
    private static final String COLUMNS = "{\"rows\": [1, 1, 2, 2], \"cols\": [1, 2, 1, 2], \"a1\": [0, 1, 2, 3],"
            + " \"label\": [\"a\", null, \"c\", \"d\"]}";

    private Set<Path> spoolsBefore;

    @BeforeEach
    void noteTheSpools() throws IOException {
        spoolsBefore = spools();
    }

    private static Set<Path> spools() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("tiledb-query-"))
                    .collect(Collectors.toSet());
        }
    }

    private void assertNoSpoolLeft() throws IOException {
        Set<Path> left = spools();
        left.removeAll(spoolsBefore);
        assertEquals(Set.of(), left, "temporary files left behind");
    }

    private static void answer(ResponseDefinitionBuilder response) {
        SERVER.server().stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    @Test
    void theColumnsOfTheAnswerBecomeRows() throws IOException {
        answer(taskJson(200, COLUMNS));
        try (TileDBClient client = SERVER.client();
                RowStream rows = client.arrays()
                        .queryJson(
                                ARRAY,
                                new QueryJson(
                                        new QueryRanges("row-major", List.of(List.of(1, 2), List.of())),
                                        List.of("a1", "label")),
                                "acme-billing")) {
            assertEquals(TASK_ID, rows.taskId());
            List<Map<String, Object>> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            assertEquals(4, all.size());
            assertEquals(
                    List.of("rows", "cols", "a1", "label"),
                    List.copyOf(all.get(0).keySet()));
            assertEquals(Map.of("rows", 2, "cols", 1, "a1", 2, "label", "c"), all.get(2));
            assertTrue(all.get(1).containsKey("label") && all.get(1).get("label") == null, "a null cell stays");
        }
        assertNoSpoolLeft();
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo(PATH))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withHeader("X-Payer", equalTo("acme-billing"))
                        .withRequestBody(equalToJson("{\"query_ranges\": {\"layout\": \"row-major\", \"ranges\":"
                                + " [[1, 2], []]}, \"fields\": [\"a1\", \"label\"]}")));
    }

    @Test
    void theWrappedFormOfTheSpecsExampleIsReadToo() throws IOException {
        answer(taskJson(200, "{\"data\": \"{\\\"a1\\\":[0,1,2,3,0,1,2,3]}\"}"));
        try (TileDBClient client = SERVER.client();
                RowStream rows = client.arrays().queryJson(ARRAY, QUERY, null)) {
            assertEquals(
                    List.of(0, 1, 2, 3, 0, 1, 2, 3),
                    rows.stream().map(r -> r.get("a1")).toList());
        }
        answer(taskJson(200, "{\"data\": {\"a1\": [5, 6]}}"));
        try (TileDBClient client = SERVER.client();
                RowStream rows = client.arrays().queryJson(ARRAY, QUERY, null)) {
            assertEquals(List.of(5, 6), rows.stream().map(r -> r.get("a1")).toList());
        }
        assertNoSpoolLeft();
    }

    @Test
    void closingEarlyRemovesTheSpooledAnswer() throws IOException {
        answer(taskJson(200, COLUMNS));
        try (TileDBClient client = SERVER.client()) {
            RowStream rows = client.arrays().queryJson(ARRAY, QUERY, null);
            assertEquals(1, spools().size() - spoolsBefore.size(), "spooled while rows remain");
            assertEquals(0, rows.next().get("a1"));
            rows.close();
            assertFalse(rows.hasNext());
        }
        assertNoSpoolLeft();
    }

    @Test
    void answersThatAreNoColumnsAreNamedErrors() throws IOException {
        try (TileDBClient client = SERVER.client()) {
            answer(taskJson(200, "{\"a1\": [1, 2, 3], \"a2\": [1, 2]}"));
            RowStream uneven = client.arrays().queryJson(ARRAY, QUERY, null);
            uneven.next();
            uneven.next();
            TileDBException e = assertThrows(TileDBException.class, uneven::next);
            assertEquals(
                    "TileDB Cloud answered POST " + PATH + " with columns of different lengths: 'a1' and 'a2' part"
                            + " after 2 values",
                    e.getMessage());

            answer(taskJson(200, "null").withHeader(SpecCheck.BROKEN_ON_PURPOSE, "true"));
            e = assertThrows(TileDBException.class, () -> client.arrays().queryJson(ARRAY, QUERY, null));
            assertEquals(
                    "TileDB Cloud answered POST " + PATH + " with null where an object of columns was expected",
                    e.getMessage());

            answer(taskJson(200, "{\"a1\": 7}"));
            e = assertThrows(TileDBException.class, () -> client.arrays().queryJson(ARRAY, QUERY, null));
            assertTrue(e.getMessage().contains("with field 'a1' as a JSON"), e.getMessage());

            answer(taskJson(200, "{}"));
            try (RowStream none = client.arrays().queryJson(ARRAY, QUERY, null)) {
                assertFalse(none.hasNext());
            }
        }
        assertNoSpoolLeft();
    }

    @Test
    void anAnswerLargerThanMaxResponseSizeFailsAndLeavesNoFile() throws IOException {
        StringBuilder big = new StringBuilder("{\"a1\": [0");
        for (int i = 1; i < 5000; i++) {
            big.append(',').append(i);
        }
        answer(taskJson(200, big.append("]}").toString()));
        try (TileDBClient client = SERVER.client(s -> s.limits(60_000, 8192))) {
            TileDBException e =
                    assertThrows(TileDBException.class, () -> client.arrays().queryJson(ARRAY, QUERY, null));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "The answer to POST " + PATH + " is larger than maxResponseSize (8192" + " bytes)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("spooled to a temporary file"), e.getMessage());
        }
        assertNoSpoolLeft();
    }

    @Test
    void aQueryWithoutRangesIsRefusedBeforeItIsSent() {
        try (TileDBClient client = SERVER.client()) {
            assertEquals(
                    "A JSON query needs the ranges to read (queryRanges)",
                    assertThrows(
                                    TileDBConfigurationException.class,
                                    () -> client.arrays().queryJson(ARRAY, new QueryJson(null, null), null))
                            .getMessage());
        }
        assertEquals(0, SERVER.server().getAllServeEvents().size());
    }
}
