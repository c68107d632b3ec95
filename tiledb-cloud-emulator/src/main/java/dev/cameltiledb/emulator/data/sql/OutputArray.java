package dev.cameltiledb.emulator.data.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.emulator.data.ArrayCatalog;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.ArrayUri;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.cells.CellField;
import dev.cameltiledb.emulator.data.cells.CellSchema;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.cells.Fragment;
import dev.cameltiledb.emulator.data.cells.FragmentWriter;

/**
 * An SQL result written into an array ({@code output_uri}) as one fragment, row by row as the result streams. An
 * array that exists takes the result's columns by name (every dimension must be a column, except that a one-dimension
 * integer array numbers the rows itself); one that does not is created: dense, one dimension {@code __row} (INT64,
 * the row's number from 0) and a nullable attribute per column, typed after the column's SQL type.
 */
final class OutputArray implements AutoCloseable {

    static final String ROW = "__row";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ArrayEntry array;
    private final FragmentWriter writer;
    /** Per written field, the result column it comes from (1-based), or 0 for the row number. */
    private final int[] columns;

    private final int[] sqlTypes;
    private final List<CellField> targets;
    private long row;

    private OutputArray(
            ArrayEntry array, FragmentWriter writer, int[] columns, int[] sqlTypes, List<CellField> targets) {
        this.array = array;
        this.writer = writer;
        this.columns = columns;
        this.sqlTypes = sqlTypes;
        this.targets = targets;
    }

    /** Opens (or creates) the array at {@code uri} for the result described by {@code md}. */
    static OutputArray open(String uri, ResultSetMetaData md, Caller caller, ArrayCatalog catalog, CellStore cells)
            throws SQLException {
        ArrayUri at = ArrayUri.parse(uri, "output_uri");
        if (!caller.mayWrite(at.namespace())) {
            throw EngineException.forbidden(
                    caller.username() + " may not write arrays in " + at.namespace() + " (output_uri " + uri + ")");
        }
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String label = md.getColumnLabel(i);
            if (!seen.add(label.toLowerCase(Locale.ROOT))) {
                throw EngineException.badRequest(
                        "the result has two columns named " + label + "; name them apart (AS) to store it at " + uri);
            }
            labels.add(label);
        }
        java.util.Optional<ArrayEntry> existing = catalog.find(at.namespace(), at.name());
        ArrayEntry array = existing.isPresent()
                ? existing.get()
                : catalog.create(at.namespace(), at.name(), schemaFor(md, labels), caller.username());
        CellSchema schema = cells.schema(array);
        List<String> fields = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        List<CellField> targets = new ArrayList<>();
        for (CellField f : schema.fields()) {
            int column = labels.indexOf(f.name()) + 1;
            if (column == 0) {
                boolean rowNumber = f.dimension() && schema.dimensions().size() == 1 && f.lo() instanceof Long;
                if (rowNumber) {
                    column = 0;
                } else if (f.dimension() || !f.nullable()) {
                    throw EngineException.badRequest("the result has no column " + f.name() + ", which " + uri
                            + " needs (it has " + labels + ")");
                } else {
                    continue;
                }
            }
            fields.add(f.name());
            sources.add(column);
            targets.add(f);
        }
        for (String label : labels) {
            if (schema.field(label) == null) {
                throw EngineException.badRequest(uri + " has no field for the result's column " + label);
            }
        }
        int[] types = new int[md.getColumnCount() + 1];
        for (int i = 1; i <= md.getColumnCount(); i++) {
            types[i] = md.getColumnType(i);
        }
        FragmentWriter writer = cells.writer(array, fields, null);
        return new OutputArray(
                array, writer, sources.stream().mapToInt(Integer::intValue).toArray(), types, targets);
    }

    /** Adds the result's current row. */
    void add(ResultSet rows) throws SQLException {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == 0) {
                values[i] = row + ((Number) targets.get(i).lo()).longValue();
            } else {
                Object v = SqlValues.read(rows, columns[i], sqlTypes[columns[i]]);
                values[i] = v != null && targets.get(i).typeName().startsWith("STRING") && !(v instanceof String)
                        ? text(v)
                        : v;
            }
        }
        writer.add(values);
        row++;
    }

    private static String text(Object v) {
        if (v instanceof LocalDateTime t) {
            return SqlValues.dateTime(t);
        }
        if (v instanceof LocalTime t) {
            return SqlValues.time(t);
        }
        return v.toString();
    }

    Fragment commit() {
        return writer.commit();
    }

    String uri() {
        return array.uri();
    }

    @Override
    public void close() {
        writer.close();
    }

    /** A dense array with a {@code __row} dimension and an attribute per result column. */
    private static ObjectNode schemaFor(ResultSetMetaData md, List<String> labels) throws SQLException {
        ObjectNode schema = MAPPER.createObjectNode();
        schema.put("arrayType", "dense").put("tileOrder", "row-major").put("cellOrder", "row-major");
        schema.put("capacity", 10000).put("allowsDuplicates", false);
        schema.putArray("version").add(1).add(3).add(0);
        schema.putObject("coordsFilterPipeline").putArray("filters");
        schema.putObject("offsetFilterPipeline").putArray("filters");
        ObjectNode domain = schema.putObject("domain");
        domain.put("type", "INT64").put("tileOrder", "row-major").put("cellOrder", "row-major");
        ObjectNode dim = domain.putArray("dimensions").addObject();
        dim.put("name", ROW).put("type", "INT64").put("nullTileExtent", false);
        dim.putObject("domain").putArray("int64").add(0L).add(Long.MAX_VALUE - 1);
        dim.putObject("tileExtent").put("int64", 10000);
        dim.putObject("filterPipeline").putArray("filters");
        ArrayNode attributes = schema.putArray("attributes");
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String type = tileType(md.getColumnType(i));
            ObjectNode a = attributes.addObject();
            a.put("name", labels.get(i - 1)).put("type", type).put("nullable", true);
            a.put("cellValNum", type.equals("STRING_UTF8") || type.equals("BLOB") ? 4294967295L : 1);
            a.putObject("filterPipeline").putArray("filters");
        }
        return schema;
    }

    private static String tileType(int sqlType) {
        switch (sqlType) {
            case Types.TINYINT:
                return "INT8";
            case Types.SMALLINT:
                return "INT16";
            case Types.INTEGER:
                return "INT32";
            case Types.BIGINT:
                return "INT64";
            case Types.REAL:
                return "FLOAT32";
            case Types.FLOAT:
            case Types.DOUBLE:
            case Types.NUMERIC:
            case Types.DECIMAL:
                return "FLOAT64";
            case Types.BOOLEAN:
            case Types.BIT:
                return "BOOL";
            case Types.DATE:
                return "DATETIME_DAY";
            case Types.TIMESTAMP:
                return "DATETIME_US";
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return "BLOB";
            default:
                return "STRING_UTF8";
        }
    }
}
