package dev.cameltiledb.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines of a CSV file (without its header) as the rows of a cells write: each value typed as its column says, so that
 * {@code tiledb:arrays?operation=write} checks real numbers against the array's schema, not text. The columns are
 * {@code name:type} pairs in file order ({@code id:int64,station:text,temperature:float64}); the types are
 * {@code int64}, {@code float64} and {@code text}. A simple CSV: values hold no commas and no quotes. A line that does
 * not fit fails the batch, naming the line, and the file goes to the error folder.
 */
public class CsvCells {

    private record Column(String name, String type) {}

    private List<Column> columns = List.of();

    /** The columns, as {@code csv.columns} gives them. */
    public void setColumns(String spec) {
        List<Column> parsed = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] nameType = part.strip().split(":");
            if (nameType.length != 2 || !List.of("int64", "float64", "text").contains(nameType[1])) {
                throw new IllegalArgumentException(
                        "csv.columns takes name:type pairs (int64, float64 or text), was '" + part + "'");
            }
            parsed.add(new Column(nameType[0], nameType[1]));
        }
        columns = List.copyOf(parsed);
    }

    /** The rows of a batch of lines (blank lines left out). */
    public List<Map<String, Object>> rows(String lines) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] values = line.split(",", -1);
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(
                        "the line '" + line + "' has " + values.length + " values, not the " + columns.size() + " of "
                                + columns.stream().map(Column::name).toList());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(columns.get(i).name(), value(columns.get(i), values[i].strip(), line));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object value(Column column, String text, String line) {
        try {
            return switch (column.type()) {
                case "int64" -> Long.parseLong(text);
                case "float64" -> Double.parseDouble(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    column.name() + " of the line '" + line + "' is not " + column.type() + ": '" + text + "'");
        }
    }
}
