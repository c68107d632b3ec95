package dev.cameltiledb.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines of a CSV file (without its header) as the rows of a cells write, keyed by the column names of
 * {@code csv.columns} in file order ({@code id,station,temperature}). The values stay text: the write takes text that
 * parses as a number for a numeric field and refuses, naming the field, text that does not. A simple CSV: values hold
 * no commas and no quotes. A line with another number of values fails the batch, naming the line, and the file goes
 * to the error folder.
 */
public class CsvCells {

    private List<String> columns = List.of();

    /** The column names, as {@code csv.columns} gives them (comma-separated, in file order). */
    public void setColumns(String names) {
        List<String> parsed = new ArrayList<>();
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                throw new IllegalArgumentException(
                        "csv.columns names the columns, comma-separated; was '" + names + "'");
            }
            parsed.add(name.strip());
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
                throw new IllegalArgumentException("the line '" + line + "' has " + values.length + " values, not the "
                        + columns.size() + " of " + columns);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(columns.get(i), values[i].strip());
            }
            rows.add(row);
        }
        return rows;
    }
}
