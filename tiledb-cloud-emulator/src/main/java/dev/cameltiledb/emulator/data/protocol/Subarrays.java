package dev.cameltiledb.emulator.data.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.cells.CellField;
import dev.cameltiledb.emulator.data.cells.CellSchema;

/**
 * A {@link QueryMessage.Subarray}'s ranges as the engine takes them (per dimension a flat {@code [lo, hi, ...]} of
 * Java values), and the coordinates of one cell as a subarray of one-point ranges (how an incomplete read's answer
 * says where it stopped).
 */
public final class Subarrays {

    private Subarrays() {}

    /**
     * Per dimension its ranges, or null for the whole dimension (no ranges given, or a default range with no
     * bounds); {@code where} names the subarray in errors.
     */
    static List<List<Object>> ranges(CellSchema schema, QueryMessage.Subarray subarray, String where) {
        List<CellField> dims = schema.dimensions();
        List<List<Object>> ranges = new ArrayList<>();
        if (subarray == null || subarray.ranges().isEmpty()) {
            return ranges;
        }
        if (subarray.ranges().size() != dims.size()) {
            throw EngineException.badRequest(
                    where + ".ranges gives " + subarray.ranges().size()
                            + " dimensions; the array has " + dims.size() + " "
                            + dims.stream().map(CellField::name).toList());
        }
        for (int d = 0; d < dims.size(); d++) {
            ranges.add(decode(dims.get(d), subarray.ranges().get(d), where + ".ranges[" + d + "]"));
        }
        return ranges;
    }

    private static List<Object> decode(CellField dim, QueryMessage.Ranges r, String where) {
        if (r.type() != null && !r.type().isEmpty() && !r.type().equalsIgnoreCase(dim.typeName())) {
            throw EngineException.badRequest(
                    where + ".type is " + r.type() + "; the dimension " + dim.name() + " is " + dim.typeName());
        }
        byte[] buffer = r.buffer();
        if (buffer == null || buffer.length == 0) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        if (FieldBytes.varSized(dim.type())) {
            long[] sizes = r.bufferSizes();
            long[] starts = r.bufferStartSizes();
            if (sizes == null || starts == null || sizes.length != starts.length) {
                throw EngineException.badRequest(where + " of the string dimension " + dim.name()
                        + " needs bufferSizes and bufferStartSizes, one of each per range");
            }
            long at = 0;
            for (int k = 0; k < sizes.length; k++) {
                if (starts[k] < 0 || starts[k] > sizes[k] || at + sizes[k] > buffer.length) {
                    throw EngineException.badRequest(where + ": range " + k + " (" + sizes[k] + " bytes, hi at "
                            + starts[k] + ") does not fit the buffer of " + buffer.length + " bytes");
                }
                int from = (int) at;
                values.add(FieldBytes.varValue(dim.type(), Arrays.copyOfRange(buffer, from, from + (int) starts[k])));
                values.add(FieldBytes.varValue(
                        dim.type(), Arrays.copyOfRange(buffer, from + (int) starts[k], from + (int) sizes[k])));
                at += sizes[k];
            }
            if (at != buffer.length) {
                throw EngineException.badRequest(
                        where + ": bufferSizes add up to " + at + " bytes, the buffer has " + buffer.length);
            }
            return values;
        }
        int width = FieldBytes.width(dim.type());
        if (buffer.length % (2 * width) != 0) {
            throw EngineException.badRequest(where + ".buffer has " + buffer.length + " bytes, not a whole number of"
                    + " [low, high] pairs of " + dim.typeName() + " (" + 2 * width + " bytes each)");
        }
        ByteBuffer b = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < buffer.length; at += width) {
            values.add(FieldBytes.get(dim.type(), b, at));
        }
        return values;
    }

    /** The coordinates a one-point-per-dimension subarray gives (each range's low bound); null when it has none. */
    static List<Object> point(CellSchema schema, QueryMessage.Subarray subarray, String where) {
        if (subarray == null || subarray.ranges().isEmpty()) {
            return null;
        }
        List<List<Object>> ranges = ranges(schema, subarray, where);
        List<Object> point = new ArrayList<>();
        for (int d = 0; d < ranges.size(); d++) {
            List<Object> r = ranges.get(d);
            if (r == null || r.size() != 2) {
                throw EngineException.badRequest(where + ".ranges[" + d + "] must be one range [c, c]");
            }
            point.add(r.get(0));
        }
        return point;
    }

    /** A cell's coordinates as a subarray of one-point ranges {@code [c, c]}, one per dimension. */
    public static QueryMessage.Subarray ofPoint(CellSchema schema, Object[] coordinates) {
        List<QueryMessage.Ranges> ranges = new ArrayList<>();
        List<CellField> dims = schema.dimensions();
        for (int d = 0; d < dims.size(); d++) {
            ranges.add(range(dims.get(d), coordinates[d], coordinates[d]));
        }
        return new QueryMessage.Subarray(null, ranges, true);
    }

    /** One range {@code [lo, hi]} of a dimension, as the wire holds it. */
    public static QueryMessage.Ranges range(CellField dim, Object lo, Object hi) {
        if (FieldBytes.varSized(dim.type())) {
            byte[] a = FieldBytes.varBytes(lo);
            byte[] b = FieldBytes.varBytes(hi);
            byte[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return new QueryMessage.Ranges(
                    dim.typeName(), false, both, new long[] {both.length}, new long[] {a.length});
        }
        int width = FieldBytes.width(dim.type());
        ByteBuffer b = ByteBuffer.allocate(2 * width).order(ByteOrder.LITTLE_ENDIAN);
        FieldBytes.put(dim.type(), lo, b);
        FieldBytes.put(dim.type(), hi, b);
        return new QueryMessage.Ranges(dim.typeName(), false, b.array(), new long[] {2L * width}, new long[] {0});
    }
}
