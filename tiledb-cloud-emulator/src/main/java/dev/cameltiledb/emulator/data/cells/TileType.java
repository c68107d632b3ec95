package dev.cameltiledb.emulator.data.cells;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * The TileDB datatypes the emulator's cells hold, each with the SQL column type it is stored as and its value in
 * Java. Values in Java (what {@link #normalize} returns and cursors give back): {@code Long} for the integer types
 * (a {@code BigInteger} for a UINT64 above {@code Long.MAX_VALUE}), {@code Float} and {@code Double}, {@code String},
 * {@code Boolean}, {@code byte[]} for BLOB, and for the datetime and time types TileDB's own value: the {@code Long}
 * count of the type's unit since the epoch (or since midnight). In SQL a datetime is a {@code DATE} (year, month,
 * week, day units) or a {@code TIMESTAMP(9)} (hour to nanosecond units), as TileDB's MariaDB integration shows them;
 * the picosecond, femtosecond and attosecond units and the TIME types stay {@code BIGINT} counts.
 */
public enum TileType {
    INT8(Kind.INTEGER, "TINYINT", -128, 127),
    UINT8(Kind.INTEGER, "SMALLINT", 0, 255),
    INT16(Kind.INTEGER, "SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE),
    UINT16(Kind.INTEGER, "INTEGER", 0, 65535),
    INT32(Kind.INTEGER, "INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32(Kind.INTEGER, "BIGINT", 0, 4294967295L),
    INT64(Kind.INTEGER, "BIGINT", Long.MIN_VALUE, Long.MAX_VALUE),
    UINT64(Kind.UNSIGNED64, "NUMERIC(20)", 0, Long.MAX_VALUE),
    FLOAT32(Kind.FLOAT, "REAL", 0, 0),
    FLOAT64(Kind.FLOAT, "DOUBLE PRECISION", 0, 0),
    CHAR(Kind.STRING, "CHARACTER VARYING", 0, 0),
    STRING_ASCII(Kind.STRING, "CHARACTER VARYING", 0, 0),
    STRING_UTF8(Kind.STRING, "CHARACTER VARYING", 0, 0),
    BOOL(Kind.BOOLEAN, "BOOLEAN", 0, 0),
    BLOB(Kind.BYTES, "BINARY VARYING", 0, 0),
    DATETIME_YEAR(Kind.DATE, "DATE", 0, 0),
    DATETIME_MONTH(Kind.DATE, "DATE", 0, 0),
    DATETIME_WEEK(Kind.DATE, "DATE", 0, 0),
    DATETIME_DAY(Kind.DATE, "DATE", 0, 0),
    DATETIME_HR(Kind.TIMESTAMP, "TIMESTAMP(9)", 3600, 0),
    DATETIME_MIN(Kind.TIMESTAMP, "TIMESTAMP(9)", 60, 0),
    DATETIME_SEC(Kind.TIMESTAMP, "TIMESTAMP(9)", 1, 0),
    DATETIME_MS(Kind.TIMESTAMP, "TIMESTAMP(9)", 0, 1_000_000),
    DATETIME_US(Kind.TIMESTAMP, "TIMESTAMP(9)", 0, 1_000),
    DATETIME_NS(Kind.TIMESTAMP, "TIMESTAMP(9)", 0, 1),
    DATETIME_PS(Kind.COUNT, "BIGINT", 0, 0),
    DATETIME_FS(Kind.COUNT, "BIGINT", 0, 0),
    DATETIME_AS(Kind.COUNT, "BIGINT", 0, 0),
    TIME_HR(Kind.COUNT, "BIGINT", 0, 0),
    TIME_MIN(Kind.COUNT, "BIGINT", 0, 0),
    TIME_SEC(Kind.COUNT, "BIGINT", 0, 0),
    TIME_MS(Kind.COUNT, "BIGINT", 0, 0),
    TIME_US(Kind.COUNT, "BIGINT", 0, 0),
    TIME_NS(Kind.COUNT, "BIGINT", 0, 0),
    TIME_PS(Kind.COUNT, "BIGINT", 0, 0),
    TIME_FS(Kind.COUNT, "BIGINT", 0, 0),
    TIME_AS(Kind.COUNT, "BIGINT", 0, 0);

    /** How a type's values are held. */
    enum Kind {
        INTEGER,
        UNSIGNED64,
        FLOAT,
        STRING,
        BOOLEAN,
        BYTES,
        DATE,
        TIMESTAMP,
        COUNT
    }

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final LocalDate EPOCH_DAY = LocalDate.of(1970, 1, 1);

    private final Kind kind;
    private final String sqlType;
    /** INTEGER: the smallest value; TIMESTAMP: seconds per unit (0 below a second). */
    private final long a;
    /** INTEGER: the largest value; TIMESTAMP: nanoseconds per unit (below a second). */
    private final long b;

    TileType(Kind kind, String sqlType, long a, long b) {
        this.kind = kind;
        this.sqlType = sqlType;
        this.a = a;
        this.b = b;
    }

    /** The type named as TileDB's schema JSON names it ({@code INT32}, {@code DATETIME_MS}...). */
    public static TileType parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("has no type");
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has the type " + name + ", which the emulator does not store (it stores"
                    + " INT8-INT64, UINT8-UINT64, FLOAT32, FLOAT64, CHAR, STRING_ASCII, STRING_UTF8, BOOL, BLOB,"
                    + " DATETIME_* and TIME_*)");
        }
    }

    Kind kind() {
        return kind;
    }

    public String sqlType() {
        return sqlType;
    }

    /** Integer-valued in Java (integers, datetimes, times): what a dense dimension must be. */
    boolean integral() {
        return kind == Kind.INTEGER
                || kind == Kind.UNSIGNED64
                || kind == Kind.DATE
                || kind == Kind.TIMESTAMP
                || kind == Kind.COUNT;
    }

    boolean numeric() {
        return integral() || kind == Kind.FLOAT;
    }

    boolean isString() {
        return kind == Kind.STRING;
    }

    /**
     * The Java value of {@code value} for a cell of this type; an {@link IllegalArgumentException} saying why when it
     * is not one. Datetimes take their count or an ISO-8601 date or date-time (UTC when no offset is given).
     */
    public Object normalize(Object value) {
        if (value == null) {
            return null;
        }
        switch (kind) {
            case INTEGER:
                if (value instanceof Long
                        || value instanceof Integer
                        || value instanceof Short
                        || value instanceof Byte) {
                    long v = ((Number) value).longValue();
                    if (v >= a && v <= b) {
                        return v;
                    }
                }
                return ranged(integer(value));
            case COUNT:
                return exactLong(integer(value));
            case UNSIGNED64: {
                BigInteger v = integer(value);
                if (v.signum() < 0 || v.compareTo(UINT64_MAX) > 0) {
                    throw new IllegalArgumentException(value + " is not a UINT64");
                }
                return v.bitLength() < 64 ? (Object) v.longValue() : v;
            }
            case FLOAT:
                if (!(value instanceof Number n)) {
                    throw new IllegalArgumentException("'" + value + "' is not a number");
                }
                return this == FLOAT32 ? (Object) n.floatValue() : (Object) n.doubleValue();
            case STRING:
                if (!(value instanceof String || value instanceof Character)) {
                    throw new IllegalArgumentException(value + " is not a string");
                }
                return value.toString();
            case BOOLEAN:
                if (!(value instanceof Boolean)) {
                    throw new IllegalArgumentException(value + " is not true or false");
                }
                return value;
            case BYTES:
                if (value instanceof byte[]) {
                    return value;
                }
                if (value instanceof String s) {
                    try {
                        return Base64.getDecoder().decode(s);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("a BLOB is given as base64 text, '" + s + "' is not");
                    }
                }
                throw new IllegalArgumentException(value + " is not base64 text");
            case DATE:
            case TIMESTAMP:
                return datetime(value);
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private Long exactLong(BigInteger v) {
        if (v.bitLength() >= 64) {
            throw new IllegalArgumentException(v + " is outside the range of " + name() + " (64-bit signed)");
        }
        return v.longValue();
    }

    private Long ranged(BigInteger v) {
        if (v.compareTo(BigInteger.valueOf(a)) < 0 || v.compareTo(BigInteger.valueOf(b)) > 0) {
            throw new IllegalArgumentException(v + " is outside the range of " + name() + " [" + a + ", " + b + "]");
        }
        return v.longValue();
    }

    private static BigInteger integer(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(value + " is not an integer");
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not an integer");
    }

    private Long datetime(Object value) {
        if (value instanceof String s) {
            return parseDatetime(s);
        }
        if (value instanceof LocalDate d) {
            return dateCount(d);
        }
        if (value instanceof LocalDateTime t) {
            return kind == Kind.DATE ? dateCount(t.toLocalDate()) : timestampCount(t);
        }
        if (value instanceof Instant i) {
            return datetime(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        }
        return exactLong(integer(value));
    }

    private Long parseDatetime(String s) {
        try {
            if (s.length() <= 10) {
                LocalDate d = LocalDate.parse(s);
                return kind == Kind.DATE ? dateCount(d) : timestampCount(d.atStartOfDay());
            }
            LocalDateTime t = s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? OffsetDateTime.parse(s)
                            .withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDateTime()
                    : LocalDateTime.parse(s);
            return datetime(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + s + "' is neither a count of " + name() + " units nor an ISO-8601 date or date-time");
        }
    }

    private long dateCount(LocalDate d) {
        switch (this) {
            case DATETIME_YEAR:
                return d.getYear() - 1970L;
            case DATETIME_MONTH:
                return (d.getYear() - 1970L) * 12 + d.getMonthValue() - 1;
            case DATETIME_WEEK:
                return Math.floorDiv(d.toEpochDay(), 7);
            default:
                return d.toEpochDay();
        }
    }

    private LocalDate dateOf(long count) {
        switch (this) {
            case DATETIME_YEAR:
                return EPOCH_DAY.plusYears(count);
            case DATETIME_MONTH:
                return EPOCH_DAY.plusMonths(count);
            case DATETIME_WEEK:
                return LocalDate.ofEpochDay(Math.multiplyExact(count, 7));
            default:
                return LocalDate.ofEpochDay(count);
        }
    }

    private long timestampCount(LocalDateTime t) {
        long seconds = t.toEpochSecond(ZoneOffset.UTC);
        if (a > 0) {
            return Math.floorDiv(seconds, a);
        }
        long perSecond = 1_000_000_000L / b;
        return Math.addExact(Math.multiplyExact(seconds, perSecond), t.getNano() / b);
    }

    private LocalDateTime timestampOf(long count) {
        if (a > 0) {
            return LocalDateTime.ofEpochSecond(Math.multiplyExact(count, a), 0, ZoneOffset.UTC);
        }
        long perSecond = 1_000_000_000L / b;
        return LocalDateTime.ofEpochSecond(
                Math.floorDiv(count, perSecond), (int) (Math.floorMod(count, perSecond) * b), ZoneOffset.UTC);
    }

    /** Binds a Java value of this type (or null) to a statement parameter. */
    void bind(PreparedStatement p, int index, Object value) throws SQLException {
        if (value == null) {
            p.setNull(index, sqlTypeCode());
            return;
        }
        switch (kind) {
            case INTEGER:
            case COUNT:
                p.setLong(index, (Long) value);
                break;
            case UNSIGNED64:
                p.setBigDecimal(index, new BigDecimal(value.toString()));
                break;
            case FLOAT:
                if (value instanceof Float f) {
                    p.setFloat(index, f);
                } else {
                    p.setDouble(index, ((Number) value).doubleValue());
                }
                break;
            case STRING:
                p.setString(index, (String) value);
                break;
            case BOOLEAN:
                p.setBoolean(index, (Boolean) value);
                break;
            case BYTES:
                p.setBytes(index, (byte[]) value);
                break;
            case DATE:
                p.setObject(index, dateOf((Long) value));
                break;
            case TIMESTAMP:
                p.setObject(index, timestampOf((Long) value));
                break;
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private int sqlTypeCode() {
        switch (kind) {
            case INTEGER:
            case COUNT:
                return Types.BIGINT;
            case UNSIGNED64:
                return Types.NUMERIC;
            case FLOAT:
                return Types.DOUBLE;
            case STRING:
                return Types.VARCHAR;
            case BOOLEAN:
                return Types.BOOLEAN;
            case BYTES:
                return Types.VARBINARY;
            case DATE:
                return Types.DATE;
            default:
                return Types.TIMESTAMP;
        }
    }

    /** The Java value of a column of this type, or null. */
    Object read(ResultSet r, int column) throws SQLException {
        switch (kind) {
            case INTEGER:
            case COUNT: {
                long v = r.getLong(column);
                return r.wasNull() ? null : v;
            }
            case UNSIGNED64: {
                BigDecimal v = r.getBigDecimal(column);
                return v == null ? null : normalize(v);
            }
            case FLOAT: {
                if (this == FLOAT32) {
                    float f = r.getFloat(column);
                    return r.wasNull() ? null : f;
                }
                double d = r.getDouble(column);
                return r.wasNull() ? null : d;
            }
            case STRING:
                return r.getString(column);
            case BOOLEAN: {
                boolean v = r.getBoolean(column);
                return r.wasNull() ? null : v;
            }
            case BYTES:
                return r.getBytes(column);
            case DATE: {
                LocalDate d = r.getObject(column, LocalDate.class);
                return d == null ? null : dateCount(d);
            }
            case TIMESTAMP: {
                LocalDateTime t = r.getObject(column, LocalDateTime.class);
                return t == null ? null : timestampCount(t);
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /** An SQL expression of the column's TileDB value as a number (a datetime's count), for tile positions. */
    String countSql(String column) {
        switch (this) {
            case DATETIME_YEAR:
                return "(YEAR(" + column + ") - 1970)";
            case DATETIME_MONTH:
                return "((YEAR(" + column + ") - 1970) * 12 + MONTH(" + column + ") - 1)";
            case DATETIME_WEEK:
                return "(DATEDIFF(DAY, DATE '1970-01-01', " + column + ") / 7)";
            case DATETIME_DAY:
                return "DATEDIFF(DAY, DATE '1970-01-01', " + column + ")";
            case DATETIME_HR:
                return epochDiff("HOUR", column);
            case DATETIME_MIN:
                return epochDiff("MINUTE", column);
            case DATETIME_SEC:
                return epochDiff("SECOND", column);
            case DATETIME_MS:
                return epochDiff("MILLISECOND", column);
            case DATETIME_US:
                return epochDiff("MICROSECOND", column);
            case DATETIME_NS:
                return epochDiff("NANOSECOND", column);
            default:
                return kind == Kind.INTEGER ? "CAST(" + column + " AS BIGINT)" : column;
        }
    }

    private static String epochDiff(String unit, String column) {
        return "DATEDIFF(" + unit + ", TIMESTAMP '1970-01-01 00:00:00', " + column + ")";
    }

    /**
     * TileDB's fill value of an unwritten dense cell when the schema gives none: the smallest value of a signed
     * integer or datetime type, the largest of an unsigned one, NaN for floats, the empty string, false, no bytes.
     */
    Object defaultFill() {
        switch (kind) {
            case INTEGER:
                return a < 0 ? a : b;
            case UNSIGNED64:
                return UINT64_MAX;
            case FLOAT:
                return this == FLOAT32 ? (Object) Float.NaN : (Object) Double.NaN;
            case STRING:
                return "";
            case BOOLEAN:
                return Boolean.FALSE;
            case BYTES:
                return new byte[0];
            default:
                return Long.MIN_VALUE;
        }
    }

    /** A schema's {@code fillValue}: the value's bytes, little-endian, as TileDB stores it. */
    Object fromBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (this) {
            case INT8:
                return (long) buf.get();
            case UINT8:
            case BOOL:
                long u8 = buf.get() & 0xFF;
                return this == BOOL ? (Object) (u8 != 0) : (Object) u8;
            case INT16:
                return (long) buf.getShort();
            case UINT16:
                return (long) (buf.getShort() & 0xFFFF);
            case INT32:
                return (long) buf.getInt();
            case UINT32:
                return buf.getInt() & 0xFFFFFFFFL;
            case UINT64:
                return normalize(new BigInteger(Long.toUnsignedString(buf.getLong())));
            case FLOAT32:
                return buf.getFloat();
            case FLOAT64:
                return buf.getDouble();
            default:
                if (kind == Kind.STRING) {
                    return new String(bytes, StandardCharsets.UTF_8);
                }
                if (kind == Kind.BYTES) {
                    return bytes;
                }
                return buf.getLong();
        }
    }
}
