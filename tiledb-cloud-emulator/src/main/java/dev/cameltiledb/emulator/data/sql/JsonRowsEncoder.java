package dev.cameltiledb.emulator.data.sql;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The {@code json} result: an array of row objects, {@code [{"column": value, ...}, ...]}, written through a Jackson
 * generator as the rows are read (the generator's buffer is all it holds). A float that is not a number is
 * {@code null}; dates and times are MariaDB's text; binary values are base64.
 */
final class JsonRowsEncoder implements ResultEncoder {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;
    private String[] names;
    private int[] types;

    JsonRowsEncoder(OutputStream out) throws IOException {
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void begin(ResultSet rows) throws SQLException, IOException {
        ResultSetMetaData md = rows.getMetaData();
        names = new String[md.getColumnCount()];
        types = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = md.getColumnLabel(i + 1);
            types[i] = md.getColumnType(i + 1);
        }
        json.writeStartArray();
    }

    @Override
    public void row(ResultSet rows) throws SQLException, IOException {
        json.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            json.writeFieldName(names[i]);
            write(SqlValues.read(rows, i + 1, types[i]));
        }
        json.writeEndObject();
    }

    private void write(Object v) throws IOException, SQLException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            json.writeNumber(((Number) v).intValue());
        } else if (v instanceof Long l) {
            json.writeNumber(l);
        } else if (v instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (v instanceof BigInteger b) {
            json.writeNumber(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                json.writeNull();
            } else if (v instanceof Float f) {
                json.writeNumber(f);
            } else {
                json.writeNumber(d);
            }
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof byte[] bytes) {
            json.writeBinary(bytes);
        } else if (v instanceof LocalDateTime t) {
            json.writeString(SqlValues.dateTime(t));
        } else if (v instanceof LocalDate d) {
            json.writeString(d.toString());
        } else if (v instanceof LocalTime t) {
            json.writeString(SqlValues.time(t));
        } else if (v instanceof Array a) {
            json.writeStartArray();
            for (Object element : (Object[]) a.getArray()) {
                write(element);
            }
            json.writeEndArray();
        } else {
            json.writeString(v.toString());
        }
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.flush();
    }
}
