package dev.cameltiledb.emulator.data.sql;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One column of an SQL result in Arrow form: its type (as the schema message describes it) and the buffers of the
 * record batch being built (validity bitmap, then values, or offsets and data). SQL types map to Arrow as: TINYINT to
 * BIGINT as Int8 to Int64, REAL as Float32, DOUBLE and DECFLOAT as Float64, DECIMAL up to 38 digits as Decimal128,
 * BOOLEAN as Bool, DATE as Date32 (days), TIMESTAMP as Timestamp in microseconds (as MariaDB keeps them), binary types
 * as Binary, everything else as Utf8 text.
 */
abstract class ArrowColumn {

    /** Arrow's {@code Type} union ids. */
    private static final int INT = 2;

    private static final int FLOATING_POINT = 3;
    private static final int BINARY = 4;
    private static final int UTF8 = 5;
    private static final int BOOL = 6;
    private static final int DECIMAL = 7;
    private static final int DATE = 8;
    private static final int TIMESTAMP = 10;

    final String name;
    private final int typeId;
    private final FlatBuffer.Table type;
    private final int sqlType;
    protected int rows;
    protected int nulls;
    private byte[] validity = new byte[64];

    ArrowColumn(String name, int typeId, FlatBuffer.Table type, int sqlType) {
        this.name = name;
        this.typeId = typeId;
        this.type = type;
        this.sqlType = sqlType;
    }

    static ArrowColumn of(ResultSetMetaData md, int column) throws SQLException {
        String name = md.getColumnLabel(column);
        int sqlType = md.getColumnType(column);
        switch (sqlType) {
            case Types.TINYINT:
                return new Fixed(name, INT, integer(8), sqlType, 1, ArrowColumn::integral);
            case Types.SMALLINT:
                return new Fixed(name, INT, integer(16), sqlType, 2, ArrowColumn::integral);
            case Types.INTEGER:
                return new Fixed(name, INT, integer(32), sqlType, 4, ArrowColumn::integral);
            case Types.BIGINT:
                return new Fixed(name, INT, integer(64), sqlType, 8, ArrowColumn::integral);
            case Types.REAL:
                return new Fixed(name, FLOATING_POINT, precision(1), sqlType, 4, ArrowColumn::float32);
            case Types.FLOAT:
            case Types.DOUBLE:
                return new Fixed(name, FLOATING_POINT, precision(2), sqlType, 8, ArrowColumn::float64);
            case Types.NUMERIC:
            case Types.DECIMAL: {
                int precision = md.getPrecision(column);
                int scale = md.getScale(column);
                if ("DECFLOAT".equalsIgnoreCase(md.getColumnTypeName(column)) || precision < 1 || precision > 38) {
                    return new Fixed(name, FLOATING_POINT, precision(2), sqlType, 8, ArrowColumn::float64);
                }
                FlatBuffer.Table t = new FlatBuffer.Table()
                        .scalar(0, 4, precision)
                        .scalar(1, 4, scale)
                        .scalar(2, 4, 128);
                return new Decimal(name, t, sqlType, scale);
            }
            case Types.BOOLEAN:
            case Types.BIT:
                return new Bool(name, sqlType);
            case Types.DATE:
                // unit DAY (0)
                return new Fixed(
                        name,
                        DATE,
                        new FlatBuffer.Table().scalar(0, 2, 0),
                        sqlType,
                        4,
                        v -> ((LocalDate) v).toEpochDay());
            case Types.TIMESTAMP:
                // unit MICROSECOND (2), no time zone
                return new Fixed(
                        name, TIMESTAMP, new FlatBuffer.Table().scalar(0, 2, 2), sqlType, 8, ArrowColumn::micros);
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return new Variable(name, BINARY, sqlType);
            default:
                return new Variable(name, UTF8, sqlType);
        }
    }

    private static FlatBuffer.Table integer(int bits) {
        return new FlatBuffer.Table().scalar(0, 4, bits).bool(1, true);
    }

    /** FloatingPoint of precision SINGLE (1) or DOUBLE (2). */
    private static FlatBuffer.Table precision(int precision) {
        return new FlatBuffer.Table().scalar(0, 2, precision);
    }

    private static long integral(Object v) {
        return ((Number) v).longValue();
    }

    private static long float32(Object v) {
        return Float.floatToIntBits(((Number) v).floatValue());
    }

    private static long float64(Object v) {
        return Double.doubleToLongBits(((Number) v).doubleValue());
    }

    private static long micros(Object v) {
        LocalDateTime t = (LocalDateTime) v;
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), t.getNano() / 1000);
    }

    /** The schema's {@code Field} of this column. */
    FlatBuffer.Table field() {
        return new FlatBuffer.Table()
                .reference(0, new FlatBuffer.Text(name))
                .bool(1, true)
                .scalar(2, 1, typeId)
                .reference(3, type)
                .reference(5, new FlatBuffer.Tables(List.of()));
    }

    /** Adds the row's value of this column to the batch. */
    void append(ResultSet rs, int column) throws SQLException {
        Object value = SqlValues.read(rs, column, sqlType);
        if (validity.length * 8 <= rows) {
            validity = Arrays.copyOf(validity, validity.length * 2);
        }
        if (value == null) {
            nulls++;
            appendNull();
        } else {
            validity[rows >> 3] |= (byte) (1 << (rows & 7));
            appendValue(value);
        }
        rows++;
    }

    abstract void appendNull();

    abstract void appendValue(Object value);

    /** The batch's buffers of this column, in Arrow's order: validity first. */
    List<byte[]> buffers() {
        byte[] v = Arrays.copyOf(validity, (rows + 7) / 8);
        return List.of(v);
    }

    int rows() {
        return rows;
    }

    int nulls() {
        return nulls;
    }

    /** Starts the next batch. */
    void reset() {
        rows = 0;
        nulls = 0;
        Arrays.fill(validity, (byte) 0);
    }

    /** A growable little-endian byte buffer. */
    static final class Bytes extends ByteArrayOutputStream {
        void putLong(long v) {
            for (int i = 0; i < 8; i++) {
                write((int) (v >>> (8 * i)));
            }
        }

        void putInt(int v) {
            for (int i = 0; i < 4; i++) {
                write(v >>> (8 * i));
            }
        }
    }

    /** A fixed-width value per row: {@code bits} gives a value's bytes, the low {@code width} of them are written. */
    private static final class Fixed extends ArrowColumn {
        private final int width;
        private final ToLongFunction<Object> bits;
        private final Bytes data = new Bytes();

        Fixed(String name, int typeId, FlatBuffer.Table type, int sqlType, int width, ToLongFunction<Object> bits) {
            super(name, typeId, type, sqlType);
            this.width = width;
            this.bits = bits;
        }

        @Override
        void appendNull() {
            for (int i = 0; i < width; i++) {
                data.write(0);
            }
        }

        @Override
        void appendValue(Object value) {
            long v = bits.applyAsLong(value);
            for (int i = 0; i < width; i++) {
                data.write((int) (v >>> (8 * i)));
            }
        }

        @Override
        List<byte[]> buffers() {
            return List.of(super.buffers().get(0), data.toByteArray());
        }

        @Override
        void reset() {
            super.reset();
            data.reset();
        }
    }

    /** Decimal128: the unscaled value, 16 bytes little-endian two's complement. */
    private static final class Decimal extends ArrowColumn {
        private final int scale;
        private final Bytes data = new Bytes();

        Decimal(String name, FlatBuffer.Table type, int sqlType, int scale) {
            super(name, DECIMAL, type, sqlType);
            this.scale = scale;
        }

        @Override
        void appendNull() {
            data.write(new byte[16], 0, 16);
        }

        @Override
        void appendValue(Object value) {
            BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
            byte[] big = d.setScale(scale, RoundingMode.HALF_UP).unscaledValue().toByteArray();
            byte[] le = new byte[16];
            byte sign = (byte) (big[0] < 0 ? -1 : 0);
            Arrays.fill(le, sign);
            for (int i = 0; i < big.length && i < 16; i++) {
                le[i] = big[big.length - 1 - i];
            }
            data.write(le, 0, 16);
        }

        @Override
        List<byte[]> buffers() {
            return List.of(super.buffers().get(0), data.toByteArray());
        }

        @Override
        void reset() {
            super.reset();
            data.reset();
        }
    }

    /** Bool: the values as a bitmap. */
    private static final class Bool extends ArrowColumn {
        private byte[] bits = new byte[64];

        Bool(String name, int sqlType) {
            super(name, BOOL, new FlatBuffer.Table(), sqlType);
        }

        @Override
        void appendNull() {
            grow();
        }

        @Override
        void appendValue(Object value) {
            grow();
            if (Boolean.TRUE.equals(value)) {
                bits[rows >> 3] |= (byte) (1 << (rows & 7));
            }
        }

        private void grow() {
            if (bits.length * 8 <= rows) {
                bits = Arrays.copyOf(bits, bits.length * 2);
            }
        }

        @Override
        List<byte[]> buffers() {
            return List.of(super.buffers().get(0), Arrays.copyOf(bits, (rows + 7) / 8));
        }

        @Override
        void reset() {
            super.reset();
            Arrays.fill(bits, (byte) 0);
        }
    }

    /** Utf8 and Binary: int32 offsets (one more than the rows) and the bytes. */
    private static final class Variable extends ArrowColumn {
        private final boolean text;
        private final Bytes offsets = new Bytes();
        private final Bytes data = new Bytes();

        Variable(String name, int typeId, int sqlType) {
            super(name, typeId, new FlatBuffer.Table(), sqlType);
            this.text = typeId == UTF8;
            offsets.putInt(0);
        }

        @Override
        void appendNull() {
            offsets.putInt(data.size());
        }

        @Override
        void appendValue(Object value) {
            byte[] bytes;
            if (!text && value instanceof byte[] b) {
                bytes = b;
            } else if (value instanceof LocalDateTime t) {
                bytes = SqlValues.dateTime(t).getBytes(StandardCharsets.UTF_8);
            } else if (value instanceof LocalTime t) {
                bytes = SqlValues.time(t).getBytes(StandardCharsets.UTF_8);
            } else {
                bytes = value.toString().getBytes(StandardCharsets.UTF_8);
            }
            data.write(bytes, 0, bytes.length);
            offsets.putInt(data.size());
        }

        @Override
        List<byte[]> buffers() {
            return List.of(super.buffers().get(0), offsets.toByteArray(), data.toByteArray());
        }

        @Override
        void reset() {
            super.reset();
            offsets.reset();
            data.reset();
            offsets.putInt(0);
        }
    }
}
