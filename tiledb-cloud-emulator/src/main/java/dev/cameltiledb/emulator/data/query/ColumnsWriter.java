package dev.cameltiledb.emulator.data.query;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.cells.CellCursor;
import dev.cameltiledb.emulator.data.cells.CellField;
import dev.cameltiledb.emulator.data.cells.CellQuery;
import dev.cameltiledb.emulator.data.cells.CellSchema;
import dev.cameltiledb.emulator.data.cells.CellSnapshot;

/**
 * A read's cells as a JSON object of columns, {@code {"field": [v0, v1, ...], ...}} (what a JSON query answers and
 * what a UDF gets for an array slice, as TileDB-Py hands over a dict of arrays). Streamed: one pass over the cells per
 * field, all in one snapshot, so the columns line up and nothing is held. Datetimes are their TileDB counts, a float
 * that is not a number is {@code null}, a blob is base64.
 */
public final class ColumnsWriter {

    private ColumnsWriter() {}

    /** Writes the columns of the read; the fields are the query's, or every dimension and attribute. */
    public static void write(
            JsonGenerator json, CellSnapshot snapshot, ArrayEntry array, CellSchema schema, CellQuery query)
            throws IOException {
        List<String> fields = new ArrayList<>(query.fields());
        if (fields.isEmpty()) {
            schema.fields().stream().map(CellField::name).forEach(fields::add);
        }
        json.writeStartObject();
        for (String field : fields) {
            json.writeFieldName(field);
            json.writeStartArray();
            try (CellCursor cursor = snapshot.open(array, query.withFields(List.of(field)))) {
                while (cursor.next()) {
                    value(json, cursor.value(0));
                }
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    static void value(JsonGenerator json, Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof Long l) {
            json.writeNumber(l);
        } else if (v instanceof BigInteger b) {
            json.writeNumber(b);
        } else if (v instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                json.writeNull();
            } else {
                json.writeNumber(f);
            }
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                json.writeNull();
            } else {
                json.writeNumber(d);
            }
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof byte[] bytes) {
            json.writeBinary(bytes);
        } else {
            json.writeString(v.toString());
        }
    }
}
