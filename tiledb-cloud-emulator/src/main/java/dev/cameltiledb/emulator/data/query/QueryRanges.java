package dev.cameltiledb.emulator.data.query;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cameltiledb.emulator.data.cells.CellQuery;
import dev.cameltiledb.emulator.data.cells.Layout;

/**
 * The spec's {@code QueryRanges}: the layout, and per dimension its ranges as {@code [lo1, hi1, lo2, hi2, ...]} (an
 * empty list is the whole dimension).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryRanges(String layout, List<List<Object>> ranges) {

    /** The read of {@code fields} (none: all) these ranges describe, as of {@code start}..{@code end} (nulls: now). */
    public CellQuery toQuery(List<String> fields, Long start, Long end) {
        return new CellQuery(ranges, fields, Layout.parse(layout, Layout.ROW_MAJOR, "layout"), start, end);
    }
}
