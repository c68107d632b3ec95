package dev.cameltiledb.client.cells;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a write takes as a cell's value, checked before anything is sent. */
class CellInputTest {

    private static final ArrayCells SPARSE = new ArrayCells(
            "tiledb://lab/t",
            false,
            List.of(new CellField("id", CellType.INT64, "INT64", true, false, 0L, 100L)),
            List.of(
                    new CellField("n", CellType.INT32, "INT32", false, false, null, null),
                    new CellField("u", CellType.UINT64, "UINT64", false, false, null, null),
                    new CellField("x", CellType.FLOAT64, "FLOAT64", false, false, null, null),
                    new CellField("at", CellType.DATETIME, "DATETIME_MS", false, false, null, null),
                    new CellField("day", CellType.DATETIME, "DATETIME_DAY", false, true, null, null)));

    @Test
    void textThatParsesIsTakenAsANumberAsACsvColumnGivesIt() {
        CellWrite w = CellInput.rows(
                SPARSE,
                List.of(Map.of(
                        "id",
                        "7",
                        "n",
                        " -12 ",
                        "u",
                        "18446744073709551615",
                        "x",
                        "2.5",
                        "at",
                        "1700000000000",
                        "day",
                        "2024-01-02")));
        CellColumns c = w.cells();
        assertArrayEquals(new long[] {7}, (long[]) c.column("id"));
        assertArrayEquals(new int[] {-12}, (int[]) c.column("n"));
        assertArrayEquals(new long[] {-1L}, (long[]) c.column("u"), "UINT64's largest value keeps its bits");
        assertArrayEquals(new double[] {2.5}, (double[]) c.column("x"));
        assertArrayEquals(new long[] {1_700_000_000_000L}, (long[]) c.column("at"));
        assertEquals(LocalDate.of(2024, 1, 2).toEpochDay(), ((long[]) c.column("day"))[0]);
    }

    @Test
    void datesAndInstantsBecomeCountsOfTheUnit() {
        CellWrite w = CellInput.rows(
                SPARSE,
                List.of(Map.of(
                        "id",
                        1,
                        "n",
                        1,
                        "u",
                        1,
                        "x",
                        1,
                        "at",
                        Instant.ofEpochMilli(1234),
                        "day",
                        LocalDate.of(1970, 1, 11))));
        assertEquals(1234L, ((long[]) w.cells().column("at"))[0]);
        assertEquals(10L, ((long[]) w.cells().column("day"))[0]);
    }

    @Test
    void textThatDoesNotParseIsRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CellInput.rows(
                        SPARSE, List.of(Map.of("id", 1, "n", "twelve", "u", 1, "x", 1, "at", 1, "day", 1))));
        assertTrue(
                e.getMessage().contains("row 0: field n is INT32 and takes an integer, not the String 'twelve'"),
                e.getMessage());
        IllegalArgumentException big = assertThrows(
                IllegalArgumentException.class,
                () -> CellInput.rows(
                        SPARSE, List.of(Map.of("id", 1, "n", "3000000000", "u", 1, "x", 1, "at", 1, "day", 1))));
        assertTrue(big.getMessage().contains("INT32, which cannot hold 3000000000"), big.getMessage());
    }

    @Test
    void aDenseBoxWithAHoleIsRefused() {
        ArrayCells dense = new ArrayCells(
                "tiledb://lab/d",
                true,
                List.of(new CellField("r", CellType.INT32, "INT32", true, false, 1L, 4L)),
                List.of(new CellField("v", CellType.INT64, "INT64", false, false, null, null)));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CellInput.rows(dense, List.of(Map.of("r", 1, "v", 1), Map.of("r", 3, "v", 3))));
        assertTrue(e.getMessage().contains("the cells given span r 1..3, 3 cells, but 2 were given"), e.getMessage());
    }
}
