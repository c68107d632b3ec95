package dev.cameltiledb.client.cells;

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
     * A page of a read from its buffers: {@code fixed}, {@code var} and {@code validity} per header, in order.
     *
     * @throws IllegalArgumentException when the fields disagree on the number of cells
     */
    public static CellColumns decode(ArrayCells array, List<BufferHeader> headers, List<byte[][]> buffers) {
        int n = -1;
        Map<String, Object> columns = new java.util.LinkedHashMap<>();
        Map<String, boolean[]> validity = new java.util.LinkedHashMap<>();
        for (int k = 0; k < headers.size(); k++) {
            BufferHeader h = headers.get(k);
            CellField f = array.field(h.name());
            byte[][] b = buffers.get(k);
            int cells;
            Object column;
            if (f.type().varSize()) {
                cells = (int) (h.fixedBytes() / 8);
                long[] offsets = new long[cells];
                ByteBuffer.wrap(b[0])
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asLongBuffer()
                        .get(offsets);
                column = CellType.decodeStrings(offsets, b[1]);
            } else {
                if (h.fixedBytes() % f.type().width() != 0) {
                    throw new IllegalArgumentException("the answer's " + h.fixedBytes() + " bytes for " + f.name()
                            + " are not a whole number of " + f.typeName() + " values");
                }
                cells = (int) (h.fixedBytes() / f.type().width());
                column = f.type().decode(ByteBuffer.wrap(b[0]), cells);
            }
            if (n >= 0 && cells != n) {
                throw new IllegalArgumentException("the answer holds " + cells + " cells of " + f.name() + " but " + n
                        + " of the fields before it");
            }
            n = cells;
            columns.put(f.name(), column);
            if (h.validityBytes() > 0) {
                boolean[] valid = new boolean[cells];
                for (int i = 0; i < cells && i < b[2].length; i++) {
                    valid[i] = b[2][i] != 0;
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
