package dev.cameltiledb.emulator.data.protocol;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.cameltiledb.emulator.data.cells.TileType;

/**
 * A cell value as the query protocol's buffers hold it: fixed-size types little-endian at their width (datetimes and
 * times as their int64 count, BOOL as one byte), strings and blobs as var-size bytes (UTF-8 for strings). The Java
 * values are the engine's ({@link TileType}): {@code Long} for integers and datetime counts (a {@code BigInteger}
 * for a UINT64 past {@code Long.MAX_VALUE}), {@code Float}, {@code Double}, {@code Boolean}, {@code String},
 * {@code byte[]}.
 */
final class FieldBytes {

    private FieldBytes() {}

    /** Whether the type's values are var-size (offsets and bytes) rather than fixed. */
    static boolean varSized(TileType type) {
        return switch (type) {
            case CHAR, STRING_ASCII, STRING_UTF8, BLOB -> true;
            default -> false;
        };
    }

    /** Bytes per value (for a var-size type: per element of its bytes, 1). */
    static int width(TileType type) {
        return switch (type) {
            case INT8, UINT8, BOOL, CHAR, STRING_ASCII, STRING_UTF8, BLOB -> 1;
            case INT16, UINT16 -> 2;
            case INT32, UINT32, FLOAT32 -> 4;
            default -> 8;
        };
    }

    /** Writes a fixed-size value (null: zero bytes, what a null cell's slot holds). */
    static void put(TileType type, Object value, ByteBuffer out) {
        if (value == null) {
            for (int i = 0; i < width(type); i++) {
                out.put((byte) 0);
            }
            return;
        }
        switch (type) {
            case INT8, UINT8 -> out.put((byte) ((Number) value).longValue());
            case BOOL -> out.put((byte) (Boolean.TRUE.equals(value) ? 1 : 0));
            case INT16, UINT16 -> out.putShort((short) ((Number) value).longValue());
            case INT32, UINT32 -> out.putInt((int) ((Number) value).longValue());
            case FLOAT32 -> out.putFloat(((Number) value).floatValue());
            case FLOAT64 -> out.putDouble(((Number) value).doubleValue());
            // UINT64 past Long.MAX_VALUE: its low 64 bits are the unsigned value's
            default -> out.putLong(((Number) value).longValue());
        }
    }

    /** The fixed-size value at {@code at}. */
    static Object get(TileType type, ByteBuffer in, int at) {
        return switch (type) {
            case INT8 -> (long) in.get(at);
            case UINT8 -> (long) (in.get(at) & 0xFF);
            case BOOL -> in.get(at) != 0;
            case INT16 -> (long) in.getShort(at);
            case UINT16 -> (long) (in.getShort(at) & 0xFFFF);
            case INT32 -> (long) in.getInt(at);
            case UINT32 -> in.getInt(at) & 0xFFFFFFFFL;
            case FLOAT32 -> in.getFloat(at);
            case FLOAT64 -> in.getDouble(at);
            case UINT64 -> {
                long v = in.getLong(at);
                yield v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
            }
            default -> in.getLong(at);
        };
    }

    /** A var-size value's bytes (null: none). */
    static byte[] varBytes(Object value) {
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof byte[] b) {
            return b;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The var-size value of {@code bytes}: text for strings, the bytes for a blob. */
    static Object varValue(TileType type, byte[] bytes) {
        return type == TileType.BLOB ? bytes : new String(bytes, StandardCharsets.UTF_8);
    }
}
