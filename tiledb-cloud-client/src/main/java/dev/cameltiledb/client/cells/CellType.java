package dev.cameltiledb.client.cells;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A TileDB datatype as the query protocol moves it: how many bytes a value takes on the wire (little-endian), whether
 * it is of variable size (strings: byte offsets, then the bytes), and the Java array a column of it is read into.
 * Integers up to 16 bits and signed 32 bits read as {@code int[]}, unsigned 32 and 64 bits, datetimes and times as
 * {@code long[]} (a datetime is its count of units since the epoch, as TileDB stores it; an unsigned 64-bit value keeps
 * its bits), {@code FLOAT32} as {@code float[]}, {@code FLOAT64} as {@code double[]}, strings as {@code String[]}.
 */
public enum CellType {
    INT8(1, JavaArray.INT),
    UINT8(1, JavaArray.INT),
    INT16(2, JavaArray.INT),
    UINT16(2, JavaArray.INT),
    INT32(4, JavaArray.INT),
    UINT32(4, JavaArray.LONG),
    INT64(8, JavaArray.LONG),
    UINT64(8, JavaArray.LONG),
    FLOAT32(4, JavaArray.FLOAT),
    FLOAT64(8, JavaArray.DOUBLE),
    BOOL(1, JavaArray.INT),
    CHAR(1, JavaArray.STRING),
    STRING_ASCII(1, JavaArray.STRING),
    STRING_UTF8(1, JavaArray.STRING),
    DATETIME(8, JavaArray.LONG);

    /** The Java array a column of a type is held in. */
    public enum JavaArray {
        INT,
        LONG,
        FLOAT,
        DOUBLE,
        STRING
    }

    private final int width;
    private final JavaArray array;

    CellType(int width, JavaArray array) {
        this.width = width;
        this.array = array;
    }

    /**
     * The type TileDB names {@code name} ({@code INT64}, {@code STRING_UTF8}, {@code DATETIME_MS}, {@code TIME_NS}...);
     * every datetime and time unit is an int64 count, so they share {@link #DATETIME}.
     *
     * @throws IllegalArgumentException naming the type when the protocol support here does not cover it
     */
    public static CellType of(String name) {
        String n = name == null ? "" : name.toUpperCase(Locale.ROOT);
        if (n.startsWith("DATETIME_") || n.startsWith("TIME_")) {
            return DATETIME;
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the type " + name + " is not read or written here (supported: INT8 to"
                    + " UINT64, FLOAT32, FLOAT64, BOOL, CHAR, STRING_ASCII, STRING_UTF8, DATETIME_*, TIME_*)");
        }
    }

    /** Bytes per value (of the bytes, for a string). */
    public int width() {
        return width;
    }

    public boolean varSize() {
        return array == JavaArray.STRING;
    }

    public JavaArray javaArray() {
        return array;
    }

    /** A new column of {@code n} values. */
    public Object newArray(int n) {
        return switch (array) {
            case INT -> new int[n];
            case LONG -> new long[n];
            case FLOAT -> new float[n];
            case DOUBLE -> new double[n];
            case STRING -> new String[n];
        };
    }

    /** The fixed-size values of {@code bytes} (little-endian) as this type's column. */
    public Object decode(ByteBuffer bytes, int n) {
        ByteBuffer b = bytes.order(ByteOrder.LITTLE_ENDIAN);
        switch (this) {
            case INT64, UINT64, DATETIME -> {
                long[] out = new long[n];
                b.asLongBuffer().get(out);
                return out;
            }
            case FLOAT64 -> {
                double[] out = new double[n];
                b.asDoubleBuffer().get(out);
                return out;
            }
            case FLOAT32 -> {
                float[] out = new float[n];
                b.asFloatBuffer().get(out);
                return out;
            }
            case INT32 -> {
                int[] out = new int[n];
                b.asIntBuffer().get(out);
                return out;
            }
            case UINT32 -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Integer.toUnsignedLong(b.getInt(b.position() + 4 * i));
                }
                return out;
            }
            case INT16, UINT16 -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    short s = b.getShort(b.position() + 2 * i);
                    out[i] = this == INT16 ? s : Short.toUnsignedInt(s);
                }
                return out;
            }
            case INT8, UINT8, BOOL -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    byte v = b.get(b.position() + i);
                    out[i] = this == INT8 ? v : Byte.toUnsignedInt(v);
                }
                return out;
            }
            default -> throw new IllegalStateException(this + " is of variable size");
        }
    }

    /**
     * Reads {@code n} values of this fixed-size type straight from {@code in} into a new column, through {@code chunk}
     * (a few KiB, reused): the page's bytes are never held whole beside its column.
     */
    public Object read(InputStream in, int n, byte[] chunk) throws IOException {
        Object out = newArray(n);
        int perChunk = chunk.length / width;
        ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < n; ) {
            int k = Math.min(perChunk, n - at);
            readFully(in, chunk, k * width);
            switch (this) {
                case INT64, UINT64, DATETIME -> b.asLongBuffer().get((long[]) out, at, k);
                case FLOAT64 -> b.asDoubleBuffer().get((double[]) out, at, k);
                case FLOAT32 -> b.asFloatBuffer().get((float[]) out, at, k);
                case INT32 -> b.asIntBuffer().get((int[]) out, at, k);
                default -> System.arraycopy(decode(ByteBuffer.wrap(chunk, 0, k * width), k), 0, out, at, k);
            }
            at += k;
        }
        return out;
    }

    /** Reads exactly {@code length} bytes into the start of {@code into}. */
    public static void readFully(InputStream in, byte[] into, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int r = in.read(into, done, length - done);
            if (r < 0) {
                throw new EOFException("the answer ended " + (length - done) + " bytes early");
            }
            done += r;
        }
    }

    /** Strings from byte offsets (one per cell, no trailing offset) into {@code data}. */
    public static String[] decodeStrings(long[] offsets, byte[] data) {
        String[] out = new String[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            long end = i + 1 < offsets.length ? offsets[i + 1] : data.length;
            if (offsets[i] < 0 || end < offsets[i] || end > data.length) {
                throw new IllegalArgumentException("string offset " + offsets[i] + " of cell " + i + " is outside the "
                        + data.length + " bytes of its data");
            }
            out[i] = new String(data, (int) offsets[i], (int) (end - offsets[i]), StandardCharsets.UTF_8);
        }
        return out;
    }

    /** A column of this type (fixed size) as little-endian bytes. */
    public byte[] encode(Object column, int n) {
        ByteBuffer b = ByteBuffer.allocate(n * width).order(ByteOrder.LITTLE_ENDIAN);
        switch (this) {
            case INT64, UINT64, DATETIME -> b.asLongBuffer().put((long[]) column, 0, n);
            case FLOAT64 -> b.asDoubleBuffer().put((double[]) column, 0, n);
            case FLOAT32 -> b.asFloatBuffer().put((float[]) column, 0, n);
            case INT32 -> b.asIntBuffer().put((int[]) column, 0, n);
            case UINT32 -> {
                long[] v = (long[]) column;
                for (int i = 0; i < n; i++) {
                    b.putInt(4 * i, (int) v[i]);
                }
            }
            case INT16, UINT16 -> {
                int[] v = (int[]) column;
                for (int i = 0; i < n; i++) {
                    b.putShort(2 * i, (short) v[i]);
                }
            }
            case INT8, UINT8, BOOL -> {
                int[] v = (int[]) column;
                for (int i = 0; i < n; i++) {
                    b.put(i, (byte) v[i]);
                }
            }
            default -> throw new IllegalStateException(this + " is of variable size");
        }
        return b.array();
    }

    /** The smallest and largest value a cell of this integer type may hold (for checks before a write). */
    long[] integerBounds() {
        return switch (this) {
            case INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case UINT8, BOOL -> new long[] {0, 255};
            case INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case UINT16 -> new long[] {0, 65535};
            case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case UINT32 -> new long[] {0, 0xFFFF_FFFFL};
            default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }
}
