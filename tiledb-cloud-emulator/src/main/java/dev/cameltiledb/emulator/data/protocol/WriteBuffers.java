package dev.cameltiledb.emulator.data.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.cells.CellField;
import dev.cameltiledb.emulator.data.cells.CellSchema;

/**
 * A write's raw buffers, cut by its headers and checked before a cell is written: every field known and given once,
 * the body exactly as long as the headers say, each buffer a whole number of values, offsets rising inside their
 * var-size buffer, validity only for nullable fields and one byte per cell, and every field the same number of cells.
 * A mistake is a 400 naming the header and what is wrong.
 */
final class WriteBuffers {

    /** One field's buffers. */
    static final class Column {
        final CellField field;
        final ByteBuffer fixed;
        final byte[] varPart;
        final byte[] validity;
        final long[] offsets;
        final int cells;

        Column(CellField field, ByteBuffer fixed, byte[] varPart, byte[] validity, long[] offsets, int cells) {
            this.field = field;
            this.fixed = fixed;
            this.varPart = varPart;
            this.validity = validity;
            this.offsets = offsets;
            this.cells = cells;
        }

        /** Cell {@code i}'s value in the engine's Java form; null for a null cell. */
        Object value(int i) {
            if (validity != null && validity[i] == 0) {
                return null;
            }
            if (offsets != null) {
                int from = (int) offsets[i];
                int to = i + 1 < cells ? (int) offsets[i + 1] : varPart.length;
                return FieldBytes.varValue(field.type(), Arrays.copyOfRange(varPart, from, to));
            }
            return FieldBytes.get(field.type(), fixed, i * FieldBytes.width(field.type()));
        }
    }

    private WriteBuffers() {}

    /** The columns of the body's buffers (from {@code at}), checked; all of the same cell count. */
    static List<Column> cut(CellSchema schema, String uri, QueryMessage query, byte[] body, int at) {
        if (query.headers().isEmpty()) {
            throw EngineException.badRequest(
                    "Query.attributeBufferHeaders is empty: a write gives a header per field" + " it writes");
        }
        long announced = 0;
        for (QueryMessage.BufferHeader h : query.headers()) {
            for (long size : new long[] {h.fixedLen(), h.varLen(), h.validityLen()}) {
                if (size < 0 || size > body.length) {
                    throw EngineException.badRequest("Query.attributeBufferHeaders (" + h.name() + ") announces a"
                            + " buffer of " + Long.toUnsignedString(size) + " bytes in a body of " + body.length);
                }
            }
            announced += h.fixedLen() + h.varLen() + h.validityLen();
        }
        if (announced != body.length - at) {
            throw EngineException.badRequest("the body holds " + (body.length - at) + " bytes of buffers after the"
                    + " Query message; its attributeBufferHeaders announce " + announced);
        }
        int offsetBytes = offsetWidth(query);
        boolean extraOffset = query.varOffsetsAddExtraElement();
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int pos = at;
        for (int i = 0; i < query.headers().size(); i++) {
            QueryMessage.BufferHeader h = query.headers().get(i);
            String where = "Query.attributeBufferHeaders[" + i + "] (" + h.name() + ")";
            CellField f = h.name() == null ? null : schema.field(h.name());
            if (f == null) {
                throw EngineException.badRequest(where + " names a field " + uri + " does not have (it has "
                        + schema.fields().stream().map(CellField::name).toList() + ")");
            }
            if (!seen.add(f.name())) {
                throw EngineException.badRequest(where + " gives the field " + f.name() + " a second time");
            }
            ByteBuffer fixed =
                    ByteBuffer.wrap(body, pos, (int) h.fixedLen()).slice().order(ByteOrder.LITTLE_ENDIAN);
            pos += (int) h.fixedLen();
            byte[] varPart = Arrays.copyOfRange(body, pos, pos + (int) h.varLen());
            pos += (int) h.varLen();
            byte[] validity = h.validityLen() == 0 ? null : Arrays.copyOfRange(body, pos, pos + (int) h.validityLen());
            pos += (int) h.validityLen();
            int cells;
            long[] offsets = null;
            if (FieldBytes.varSized(f.type())) {
                if (h.fixedLen() % offsetBytes != 0) {
                    throw EngineException.badRequest(where + ": its offsets buffer of " + h.fixedLen()
                            + " bytes is not a whole number of " + offsetBytes + "-byte offsets");
                }
                int n = (int) (h.fixedLen() / offsetBytes);
                cells = extraOffset ? Math.max(0, n - 1) : n;
                offsets = new long[n];
                for (int k = 0; k < n; k++) {
                    offsets[k] = offsetBytes == 8 ? fixed.getLong(k * 8) : fixed.getInt(k * 4) & 0xFFFFFFFFL;
                    if (offsets[k] < (k == 0 ? 0 : offsets[k - 1]) || offsets[k] > varPart.length) {
                        throw EngineException.badRequest(where + ": offset " + k + " is " + offsets[k] + "; offsets"
                                + " must rise from 0 and stay inside the var-size buffer of " + varPart.length
                                + " bytes");
                    }
                }
            } else {
                if (h.varLen() != 0) {
                    throw EngineException.badRequest(where + " gives a var-size buffer of " + h.varLen() + " bytes; "
                            + f.name() + " (" + f.typeName() + ") is fixed-size");
                }
                int width = FieldBytes.width(f.type());
                if (h.fixedLen() % width != 0) {
                    throw EngineException.badRequest(where + ": its buffer of " + h.fixedLen() + " bytes is not a"
                            + " whole number of " + f.typeName() + " values (" + width + " bytes each)");
                }
                cells = (int) (h.fixedLen() / width);
            }
            if (validity != null) {
                if (!f.nullable()) {
                    throw EngineException.badRequest(
                            where + " gives a validity buffer; " + f.name() + " is not nullable");
                }
                if (validity.length != cells) {
                    throw EngineException.badRequest(where + ": its validity buffer has " + validity.length
                            + " bytes for " + cells + " cells (one byte per cell)");
                }
            }
            columns.add(new Column(f, fixed, varPart, validity, offsets, cells));
        }
        for (Column c : columns) {
            if (c.cells != columns.get(0).cells) {
                throw EngineException.badRequest("the buffers give " + columns.get(0).cells + " cells of "
                        + columns.get(0).field.name() + " and " + c.cells + " of " + c.field.name()
                        + ": every field gives every cell");
            }
        }
        return columns;
    }

    private static int offsetWidth(QueryMessage query) {
        String mode = query.varOffsetsMode();
        if (mode != null && !mode.isEmpty() && !mode.equals("bytes") && !mode.equals("elements")) {
            throw EngineException.badRequest("Query.varOffsetsMode must be bytes, was '" + mode + "'");
        }
        int bits = query.varOffsetsBitsize();
        if (bits == 0 || bits == 64) {
            return 8;
        }
        if (bits == 32) {
            return 4;
        }
        throw EngineException.badRequest("Query.varOffsetsBitsize must be 32 or 64, was " + bits);
    }
}
