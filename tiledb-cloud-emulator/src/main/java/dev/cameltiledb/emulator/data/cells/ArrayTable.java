package dev.cameltiledb.emulator.data.cells;

import java.util.List;
import java.util.stream.Collectors;

import dev.cameltiledb.emulator.data.store.Database;

/**
 * Where an array's cells are: {@code current} (its table in {@code public}, named by its URI: the array's cells as
 * of now, what SQL reads), {@code history} (cells that later fragments overwrote, kept for time travel) and
 * {@code staging} (a fragment being written). Each row carries its fragment's timestamp and sequence in the
 * invisible columns {@code __ts} and {@code __frag}, so {@code SELECT *} shows only dimensions and attributes.
 */
record ArrayTable(String arrayId, String uri, CellSchema schema, String current, String history, String staging) {

    static ArrayTable of(String arrayId, String uri, CellSchema schema) {
        return new ArrayTable(
                arrayId,
                uri,
                schema,
                "public." + Database.quote(uri),
                "cell_history." + Database.quote(arrayId),
                "cell_staging." + Database.quote(arrayId));
    }

    /** The dimensions' columns, comma-separated. */
    String dimensionColumns() {
        return columns(schema.dimensions());
    }

    /** Every column of a cell, its fragment's included. */
    String allColumns() {
        return columns(schema.fields()) + ", \"__ts\", \"__frag\"";
    }

    /** {@code a."d1" = b."d1" AND ...}: the same coordinates. */
    String sameCoordinates(String a, String b) {
        return schema.dimensions().stream()
                .map(d -> a + "." + d.column() + " = " + b + "." + d.column())
                .collect(Collectors.joining(" AND "));
    }

    /** The SQL of the table's columns; {@code hidden} makes the fragment columns invisible to {@code SELECT *}. */
    String columnDefinitions(boolean hidden) {
        StringBuilder sql = new StringBuilder();
        for (CellField f : schema.fields()) {
            sql.append(f.column()).append(' ').append(f.type().sqlType());
            if (f.dimension() || !f.nullable()) {
                sql.append(" NOT NULL");
            }
            sql.append(", ");
        }
        String visibility = hidden ? " INVISIBLE" : "";
        sql.append("\"__ts\" BIGINT").append(visibility).append(" NOT NULL, ");
        sql.append("\"__frag\" BIGINT").append(visibility).append(" NOT NULL");
        return sql.toString();
    }

    private static String columns(List<CellField> fields) {
        return fields.stream().map(CellField::column).collect(Collectors.joining(", "));
    }
}
