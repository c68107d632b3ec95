package dev.cameltiledb.client.cells;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Columns to and from the protocol's buffers: per field, in the order of the message's buffer headers, the fixed
 * part (values, or a string's uint64 byte offsets), the variable part (a string's bytes) and the validity bytes.
 */
public final class CellBuffers {

    /** A write's headers, and the byte arrays to send after the message, in order. */
    public record Encoded(List<BufferHeader> headers, List<byte[]> parts) {}

    private CellBuffers() {}

    public static Encoded encode(ArrayCells array, CellColumns cells) {
        int n = cells.size();
        List<BufferHeader> headers = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, Object> c : cells.columns().entrySet()) {
            CellField f = array.field(c.getKey());
            byte[] fixed;
            byte[] var = new byte[0];
            if (f.type().varSize()) {
                String[] strings = (String[]) c.getValue();
                byte[][] each = new byte[n][];
                long total = 0;
                ByteBuffer offsets = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    offsets.putLong(8 * i, total);
                    each[i] = strings[i] == null ? new byte[0] : strings[i].getBytes(StandardCharsets.UTF_8);
                    total += each[i].length;
                }
                var = new byte[Math.toIntExact(total)];
                int at = 0;
                for (byte[] b : each) {
                    System.arraycopy(b, 0, var, at, b.length);
                    at += b.length;
                }
                fixed = offsets.array();
            } else {
                fixed = f.type().encode(c.getValue(), n);
            }
            boolean[] valid = cells.validity(c.getKey());
            byte[] validity = new byte[valid == null ? 0 : n];
            for (int i = 0; i < validity.length; i++) {
                validity[i] = (byte) (valid[i] ? 1 : 0);
            }
            headers.add(BufferHeader.sent(f.name(), fixed.length, var.length, validity.length));
            parts.add(fixed);
            if (var.length > 0) {
                parts.add(var);
            }
            if (validity.length > 0) {
                parts.add(validity);
            }
        }
        return new Encoded(headers, parts);
    }

    /**
     * A page of a read, its buffers read straight from {@code in} in the order of the answer's headers (the fixed
     * part, the variable part, validity per field) into typed columns, through {@code chunk}.
     *
     * @throws IllegalArgumentException when a field's bytes are not whole values or the fields disagree on the number
     *     of cells (checked before its bytes are read)
     */
    public static CellColumns read(ArrayCells array, List<BufferHeader> headers, InputStream in, byte[] chunk)
            throws IOException {
        int n = -1;
        Map<String, Object> columns = new java.util.LinkedHashMap<>();
        Map<String, boolean[]> validity = new java.util.LinkedHashMap<>();
        for (BufferHeader h : headers) {
            CellField f = array.field(h.name());
            int width = f.type().varSize() ? 8 : f.type().width();
            if (h.fixedBytes() % width != 0) {
                throw new IllegalArgumentException("the answer's " + h.fixedBytes() + " bytes for " + f.name()
                        + " are not a whole number of " + (f.type().varSize() ? "offsets" : f.typeName() + " values"));
            }
            int cells = Math.toIntExact(h.fixedBytes() / width);
            if (n >= 0 && cells != n) {
                throw new IllegalArgumentException("the answer holds " + cells + " cells of " + f.name() + " but " + n
                        + " of the fields before it");
            }
            n = cells;
            Object column;
            if (f.type().varSize()) {
                long[] offsets = (long[]) CellType.INT64.read(in, cells, chunk);
                byte[] data = new byte[Math.toIntExact(h.varBytes())];
                CellType.readFully(in, data, data.length);
                column = CellType.decodeStrings(offsets, data);
            } else {
                column = f.type().read(in, cells, chunk);
                if (h.varBytes() != 0) {
                    throw new IllegalArgumentException("the answer gives " + f.name() + " (" + f.typeName()
                            + ", of fixed size) " + h.varBytes() + " bytes of variable-size data");
                }
            }
            columns.put(f.name(), column);
            if (h.validityBytes() > 0) {
                byte[] bytes = new byte[Math.toIntExact(h.validityBytes())];
                CellType.readFully(in, bytes, bytes.length);
                boolean[] valid = new boolean[cells];
                for (int i = 0; i < cells && i < bytes.length; i++) {
                    valid[i] = bytes[i] != 0;
                }
                validity.put(f.name(), valid);
            }
        }
        return new CellColumns(Math.max(n, 0), columns, validity);
    }

    /** Ranges per dimension (flat {@code [lo, hi, lo, hi...]}; empty or missing: the whole dimension) as the wire has them. */
    public static List<RangeBytes> ranges(ArrayCells array, List<? extends List<?>> given) {
        List<RangeBytes> out = new ArrayList<>();
        List<CellField> dims = array.dimensions();
        if (given != null && given.size() > dims.size()) {
            throw new IllegalArgumentException(
                    "ranges are given for " + given.size() + " dimensions, but " + array.array() + " has " + dims.size()
                            + " (" + dims.stream().map(CellField::name).toList() + ")");
        }
        for (int k = 0; k < dims.size(); k++) {
            CellField d = dims.get(k);
            List<?> r = given == null || k >= given.size() || given.get(k) == null ? List.of() : given.get(k);
            if (r.size() % 2 != 0) {
                throw new IllegalArgumentException("the ranges of dimension " + d.name() + " are pairs lo, hi; "
                        + r.size() + " values were given");
            }
            if (r.isEmpty()) {
                r = d.lo() == null ? List.of() : List.of(d.lo(), d.hi());
                out.add(encodeRange(d, r, true));
            } else {
                out.add(encodeRange(d, r, false));
            }
        }
        return out;
    }

    /** A dense write's box: per dimension one range {@code [lo, hi]}. */
    public static List<RangeBytes> box(ArrayCells array, List<long[]> box) {
        List<RangeBytes> out = new ArrayList<>();
        for (int k = 0; k < array.dimensions().size(); k++) {
            long[] b = box.get(k);
            out.add(encodeRange(array.dimensions().get(k), List.of(b[0], b[1]), false));
        }
        return out;
    }

    private static RangeBytes encodeRange(CellField d, List<?> values, boolean whole) {
        if (d.type().varSize()) {
            List<byte[]> bytes = new ArrayList<>();
            for (Object v : values) {
                bytes.add(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
            }
            int total = bytes.stream().mapToInt(b -> b.length).sum();
            ByteBuffer buffer = ByteBuffer.allocate(total);
            long[] sizes = new long[values.size() / 2];
            long[] starts = new long[values.size() / 2];
            for (int i = 0; i < sizes.length; i++) {
                buffer.put(bytes.get(2 * i)).put(bytes.get(2 * i + 1));
                sizes[i] = bytes.get(2 * i).length + bytes.get(2 * i + 1).length;
                starts[i] = bytes.get(2 * i).length;
            }
            return new RangeBytes(d.typeName(), whole, buffer.array(), sizes, starts);
        }
        Object column = d.type().newArray(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            try {
                if (v instanceof Number num && d.type().javaArray() == CellType.JavaArray.LONG) {
                    ((long[]) column)[i] = num.longValue(); // a bound, not a cell: any number the type holds
                } else {
                    CellValues.store(d, column, i, v);
                }
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalArgumentException("a range of dimension " + d.name() + ": " + e.getMessage());
            }
        }
        byte[] buffer = d.type().encode(column, values.size());
        long[] sizes = new long[values.size() / 2];
        java.util.Arrays.fill(sizes, 2L * d.type().width());
        return new RangeBytes(d.typeName(), whole, buffer, sizes, new long[sizes.length]);
    }
}
