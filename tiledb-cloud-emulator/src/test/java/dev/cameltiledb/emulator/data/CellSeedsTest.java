package dev.cameltiledb.emulator.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.cells.CellSeeds;
import dev.cameltiledb.emulator.data.sql.SqlParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellSeedsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TestCatalog catalog = new TestCatalog();
    private final Caller alice = Caller.of("alice", "acme");
    private final DataEngine engine = DataEngine.builder(catalog).build();

    /** A seed file's arrays: a dense one seeded by rows, a sparse one by columns, one without cells. */
    private static final String SEED = """
            {"arrays": [
              {"namespace": "acme", "name": "grid", "cells_timestamp": 1000,
               "cells": [{"rows": 1, "cols": 1, "a": 10}, {"rows": 1, "cols": 2, "a": 20},
                         {"rows": 2, "cols": 1, "a": 30}, {"rows": 2, "cols": 2, "a": 40}]},
              {"namespace": "acme", "name": "sales",
               "cells": {"id": [7, 3], "price": [1.25, 9.5], "label": ["seven", null],
                         "day": ["2024-03-01", null], "at": [1709287200123, null], "small": [255, 0]}},
              {"namespace": "acme", "name": "empty"}
            ]}""";

    @AfterEach
    void close() {
        engine.close();
    }

    private JsonNode sql(String query) throws IOException {
        try (StreamedAnswer answer = engine.sql().run(alice, "acme", SqlParameters.of(query))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            answer.writeTo(out);
            return MAPPER.readTree(out.toByteArray());
        }
    }

    @Test
    void theSeedFileGivesDenseAndSparseArraysTheirCellsInTheirDatatypes() throws IOException {
        catalog.add("acme", "grid", TestCatalog.DENSE_2D);
        catalog.add("acme", "sales", TestCatalog.SPARSE);
        catalog.add("acme", "empty", TestCatalog.SPARSE);

        assertEquals(2, CellSeeds.seedFile(engine.cells(), MAPPER.readTree(SEED)));

        assertEquals(MAPPER.readTree("[{\"total\":100}]"), sql("select sum(a) as total from `tiledb://acme/grid`"));
        assertEquals(
                List.of(1000L),
                engine.cells().fragments(engine.cells().array("acme", "grid")).stream()
                        .map(f -> f.timestamp())
                        .toList());
        JsonNode sales = sql("select id, price, label, day, at, small from `tiledb://acme/sales` order by id");
        assertEquals(3, sales.get(0).get("id").asLong());
        assertTrue(sales.get(0).get("label").isNull());
        assertEquals(0, sales.get(0).get("small").asInt());
        assertEquals(7, sales.get(1).get("id").asLong());
        assertEquals(1.25, sales.get(1).get("price").asDouble());
        assertEquals("seven", sales.get(1).get("label").asText());
        assertEquals("2024-03-01", sales.get(1).get("day").asText());
        assertEquals(255, sales.get(1).get("small").asInt());
        assertEquals(MAPPER.readTree("[{\"n\":0}]"), sql("select count(*) as n from `tiledb://acme/empty`"));
    }

    @Test
    void cellsThatDoNotFitOrAnUnregisteredArrayAreRefusedNamingTheEntry() throws IOException {
        catalog.add("acme", "grid", TestCatalog.DENSE_2D);
        EngineException outOfType = assertThrows(
                EngineException.class,
                () -> CellSeeds.seedFile(
                        engine.cells(),
                        MAPPER.readTree("{\"arrays\": [{\"namespace\": \"acme\", \"name\": \"grid\","
                                + " \"cells\": {\"rows\": [1], \"cols\": [1], \"a\": [\"not a number\"]}}]}")));
        assertEquals(400, outOfType.status());
        assertTrue(outOfType.getMessage().startsWith("seed arrays[0] (acme/grid): "), outOfType.getMessage());
        assertTrue(
                outOfType.getMessage().endsWith("a (INT32): 'not a number' is not an integer"), outOfType.getMessage());
        assertEquals(
                MAPPER.readTree("[{\"n\":0}]"),
                sql("select count(*) as n from `tiledb://acme/grid`"),
                "nothing half-written");

        EngineException unknown = assertThrows(
                EngineException.class,
                () -> CellSeeds.seedFile(
                        engine.cells(),
                        MAPPER.readTree(
                                "{\"arrays\": [{\"namespace\": \"acme\", \"name\": \"ghost\", \"cells\": []}]}")));
        assertTrue(unknown.getMessage().contains("tiledb://acme/ghost does not exist"), unknown.getMessage());
    }
}
