package dev.cameltiledb.emulator.data;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.cells.CellBatch;
import dev.cameltiledb.emulator.data.cells.CellCursor;
import dev.cameltiledb.emulator.data.cells.CellQuery;
import dev.cameltiledb.emulator.data.cells.CellSnapshot;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.cells.Fragment;
import dev.cameltiledb.emulator.data.cells.Layout;
import dev.cameltiledb.emulator.data.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellStoreTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TestCatalog catalog = new TestCatalog();
    private Database database = Database.inMemory();
    private CellStore cells = new CellStore(database, catalog, Clock.systemUTC());

    @AfterEach
    void close() {
        database.close();
    }

    private List<List<Object>> read(ArrayEntry array, CellQuery query) {
        List<List<Object>> out = new ArrayList<>();
        try (CellSnapshot snapshot = cells.snapshot();
                CellCursor cursor = snapshot.open(array, query)) {
            while (cursor.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < cursor.fields().size(); i++) {
                    row.add(cursor.value(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static CellQuery query(Layout layout, List<List<Object>> ranges, String... fields) {
        return new CellQuery(ranges, List.of(fields), layout, null, null);
    }

    @Test
    void denseReadsEveryCellOfItsSubarrayInEachLayoutWithFillValuesForUnwrittenCells() throws Exception {
        ArrayEntry array = catalog.add("acme", "grid", TestCatalog.DENSE_2D);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 1; r <= 4; r++) {
            for (int c = 1; c <= 4; c++) {
                if (r != 4 || c != 4) {
                    rows.add(Map.of("rows", r, "cols", c, "a", r * 10 + c));
                }
            }
        }
        cells.write(array, CellBatch.ofRows(rows), 100L);

        List<List<Object>> whole = List.of(List.of(1, 4), List.of(1, 4));
        List<Object> rowMajor = read(array, query(Layout.ROW_MAJOR, whole, "a")).stream()
                .map(r -> r.get(0))
                .toList();
        assertEquals(
                List.of(11L, 12L, 13L, 14L, 21L, 22L, 23L, 24L, 31L, 32L, 33L, 34L, 41L, 42L, 43L, (long)
                        Integer.MIN_VALUE),
                rowMajor);
        List<Object> colMajor =
                read(array, query(Layout.COL_MAJOR, List.of(List.of(1, 2), List.of(1, 2)), "a")).stream()
                        .map(r -> r.get(0))
                        .toList();
        assertEquals(List.of(11L, 21L, 12L, 22L), colMajor);
        // global order: 2x2 tiles in row-major order, cells row-major inside each tile
        List<Object> global = read(array, query(Layout.GLOBAL_ORDER, whole, "a")).stream()
                .map(r -> r.get(0))
                .toList();
        assertEquals(
                List.of(11L, 12L, 21L, 22L, 13L, 14L, 23L, 24L, 31L, 32L, 41L, 42L, 33L, 34L, 43L, (long)
                        Integer.MIN_VALUE),
                global);
        // several ranges on one dimension
        List<List<Object>> picked =
                read(array, query(Layout.ROW_MAJOR, List.of(List.of(1, 1, 3, 3), List.of(2, 2)), "rows", "cols", "a"));
        assertEquals(List.of(List.of(1L, 2L, 12L), List.of(3L, 2L, 32L)), picked);
    }

    @Test
    void timeTravelReadsTheCellsAsTheyWereWithinTheWindow() {
        ArrayEntry array = catalog.add("acme", "prices", TestCatalog.SPARSE);
        cells.write(array, CellBatch.ofColumns(Map.of("id", List.of(1, 2), "price", List.of(1.0, 2.0))), 100L);
        cells.write(array, CellBatch.ofColumns(Map.of("id", List.of(2, 3), "price", List.of(20.0, 30.0))), 200L);
        cells.write(array, CellBatch.ofColumns(Map.of("id", List.of(1), "price", List.of(100.0))), 300L);

        assertEquals(
                List.of(List.of(1L, 100.0), List.of(2L, 20.0), List.of(3L, 30.0)),
                read(array, query(Layout.ROW_MAJOR, null, "id", "price")));
        assertEquals(
                List.of(List.of(1L, 1.0), List.of(2L, 20.0), List.of(3L, 30.0)),
                read(array, new CellQuery(null, List.of("id", "price"), Layout.ROW_MAJOR, null, 250L)));
        assertEquals(
                List.of(List.of(1L, 1.0), List.of(2L, 2.0)),
                read(array, new CellQuery(null, List.of("id", "price"), Layout.ROW_MAJOR, 0L, 150L)));
        // only the second fragment's cells: the first is outside the window
        assertEquals(
                List.of(List.of(2L, 20.0), List.of(3L, 30.0)),
                read(array, new CellQuery(null, List.of("id", "price"), Layout.ROW_MAJOR, 150L, 250L)));
        List<Fragment> fragments = cells.fragments(array);
        assertEquals(
                List.of(100L, 200L, 300L),
                fragments.stream().map(Fragment::timestamp).toList());
        assertEquals(
                List.of(2L, 2L, 1L), fragments.stream().map(Fragment::cellCount).toList());
    }

    @Test
    void datatypesRoundTripIncludingDatetimesGivenAsCountsOrIsoText() throws Exception {
        ArrayEntry array = catalog.add("acme", "typed", TestCatalog.SPARSE);
        cells.seed("acme", "typed", MAPPER.readTree("""
                [{"id": 7, "price": 1.5, "label": "héllo", "day": "2024-03-01", "at": 1700000000123, "small": 255},
                 {"id": 8, "price": -2.25, "day": 19783, "at": "2024-03-01T10:00:00Z"}]"""), null);
        List<List<Object>> got = read(array, query(Layout.ROW_MAJOR, null));
        assertEquals(List.of(7L, 1.5, "héllo", 19783L, 1700000000123L, 255L), got.get(0));
        assertEquals(Arrays.asList(8L, -2.25, null, 19783L, 1709287200000L, null), got.get(1));
    }

    @Test
    void aWriteThatDoesNotFitTheSchemaIsRefusedWithTheFieldNamedAndLeavesNothing() {
        ArrayEntry array = catalog.add("acme", "strict", TestCatalog.SPARSE);
        EngineException wrongType = assertThrows(
                EngineException.class,
                () -> cells.write(
                        array,
                        CellBatch.ofRows(List.of(Map.of("id", 1, "price", 1.0), Map.of("id", 2, "price", "two"))),
                        null));
        assertEquals(400, wrongType.status());
        assertTrue(
                wrongType.getMessage().contains("cell 1")
                        && wrongType.getMessage().contains("price"),
                wrongType.getMessage());
        EngineException outside = assertThrows(
                EngineException.class,
                () -> cells.write(array, CellBatch.ofRows(List.of(Map.of("id", -5, "price", 1.0))), null));
        assertTrue(outside.getMessage().contains("outside the domain"), outside.getMessage());
        EngineException missing = assertThrows(
                EngineException.class, () -> cells.write(array, CellBatch.ofRows(List.of(Map.of("id", 3))), null));
        assertTrue(missing.getMessage().contains("the attribute price"), missing.getMessage());
        EngineException twice = assertThrows(
                EngineException.class,
                () -> cells.write(
                        array,
                        CellBatch.ofRows(List.of(Map.of("id", 4, "price", 1.0), Map.of("id", 4, "price", 2.0))),
                        null));
        assertTrue(twice.getMessage().contains("same coordinates twice"), twice.getMessage());
        assertEquals(List.of(), read(array, CellQuery.all()));
        assertEquals(List.of(), cells.fragments(array));
    }

    @Test
    void cellsFollowARenameAndAnArrayMadeAgainUnderTheSameNameStartsEmpty(@TempDir Path dir) {
        database.close();
        database = Database.inDirectory(dir);
        cells = new CellStore(database, catalog, Clock.systemUTC());
        ArrayEntry array = catalog.add("acme", "old", TestCatalog.SPARSE);
        cells.write(array, CellBatch.ofColumns(Map.of("id", List.of(1), "price", List.of(9.5))), null);
        ArrayEntry renamed = catalog.rename("acme", "old", "new");
        assertEquals(List.of(List.of(1L, 9.5)), read(renamed, query(Layout.ROW_MAJOR, null, "id", "price")));

        // kept across a restart from the data directory
        database.close();
        database = Database.inDirectory(dir);
        cells = new CellStore(database, catalog, Clock.systemUTC());
        assertEquals(List.of(List.of(1L, 9.5)), read(renamed, query(Layout.ROW_MAJOR, null, "id", "price")));

        catalog.remove("acme", "new");
        ArrayEntry again = catalog.add("acme", "new", TestCatalog.SPARSE);
        assertEquals(List.of(), read(again, CellQuery.all()));
    }

    @Test
    void duplicatesAreKeptWhenTheSparseArrayAllowsThem() {
        ArrayEntry array = catalog.add(
                "acme", "log", TestCatalog.SPARSE.replace("\"allowsDuplicates\":false", "\"allowsDuplicates\":true"));
        cells.write(array, CellBatch.ofColumns(Map.of("id", List.of(5, 5), "price", List.of(1.0, 2.0))), 10L);
        cells.write(array, CellBatch.ofColumns(Map.of("id", List.of(5), "price", List.of(3.0))), 20L);
        List<Object> prices = read(array, query(Layout.UNORDERED, null, "price")).stream()
                .map(r -> r.get(0))
                .sorted()
                .toList();
        assertArrayEquals(new Object[] {1.0, 2.0, 3.0}, prices.toArray());
        assertEquals(
                2,
                read(array, new CellQuery(null, List.of("price"), Layout.ROW_MAJOR, null, 15L))
                        .size());
    }
}
