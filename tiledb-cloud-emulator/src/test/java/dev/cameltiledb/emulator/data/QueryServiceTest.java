package dev.cameltiledb.emulator.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.query.QueryJson;
import dev.cameltiledb.emulator.data.query.QueryRanges;
import dev.cameltiledb.emulator.data.task.ArrayTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryServiceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TestCatalog catalog = new TestCatalog();
    private final Caller alice = Caller.of("alice", "acme");
    private DataEngine engine;

    @BeforeEach
    void seed() throws IOException {
        engine = DataEngine.builder(catalog).build();
        catalog.add("acme", "grid", TestCatalog.DENSE_2D);
        engine.cells().seed("acme", "grid", MAPPER.readTree("""
                {"rows": [1, 1, 2, 2], "cols": [1, 2, 1, 2], "a": [1, 2, 3, 4]}"""), 1000L);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private record Answer(StreamedAnswer answer, JsonNode columns) {}

    private Answer query(QueryJson request) throws IOException {
        try (StreamedAnswer answer = engine.queries().run(alice, "acme", "grid", request)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            answer.writeTo(out);
            return new Answer(answer, MAPPER.readTree(out.toByteArray()));
        }
    }

    @Test
    void theAnswerIsAnObjectOfColumnsOfTheRangesFieldsAndLayout() throws IOException {
        Answer rowMajor = query(new QueryJson(
                new QueryRanges("row-major", List.of(List.of(1, 2), List.of(1, 2))), List.of("rows", "cols", "a")));
        assertEquals(MAPPER.readTree("{\"rows\":[1,1,2,2],\"cols\":[1,2,1,2],\"a\":[1,2,3,4]}"), rowMajor.columns());
        Answer colMajor =
                query(new QueryJson(new QueryRanges("col-major", List.of(List.of(1, 2), List.of(1, 2))), List.of("a")));
        assertEquals(MAPPER.readTree("{\"a\":[1,3,2,4]}"), colMajor.columns());
        // a range per dimension; an empty list is all of the dimension that holds cells
        Answer slice =
                query(new QueryJson(new QueryRanges(null, List.of(List.of(2, 2), List.of())), List.of("cols", "a")));
        assertEquals(MAPPER.readTree("{\"cols\":[1,2],\"a\":[3,4]}"), slice.columns());

        ArrayTask task =
                engine.tasks().get(rowMajor.answer().taskId()).orElseThrow().task();
        assertEquals("QUERY", task.type());
        assertEquals("COMPLETED", task.status());
        try (StreamedAnswer stored = engine.tasks().result(task.id())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stored.writeTo(out);
            assertEquals(rowMajor.columns(), MAPPER.readTree(out.toByteArray()));
        }
    }

    @Test
    void anUnknownFieldOrArrayIsRefusedNamingIt() {
        EngineException field = assertThrows(EngineException.class, () -> query(new QueryJson(null, List.of("nope"))));
        assertEquals(400, field.status());
        assertTrue(field.getMessage().contains("nope"));
        EngineException array = assertThrows(
                EngineException.class, () -> engine.queries().run(alice, "acme", "missing", new QueryJson(null, null)));
        assertEquals(404, array.status());
        assertTrue(array.getMessage().contains("tiledb://acme/missing"));
    }
}
