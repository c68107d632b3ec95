package dev.cameltiledb.client.cells;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;

/**
 * One value given for a write, checked against its field and stored into the field's typed column. What each type
 * takes: integers any integral {@link Number} in the type's range, or text that parses as one (a CSV column); floats
 * any number, or text that parses as one; strings text; datetimes a
 * count of the type's unit or an {@link Instant}, {@link Date}, {@link LocalDate}, {@link LocalDateTime} (UTC),
 * {@link OffsetDateTime}, {@link ZonedDateTime} or ISO-8601 text; times a count or a {@link LocalTime}; BOOL a
 * {@link Boolean} or 0/1. Anything else is refused with the field, the value's type and what it takes.
 */
final class CellValues {

    private CellValues() {}

    static void store(CellField field, Object column, int index, Object value) {
        CellType type = field.type();
        switch (type.javaArray()) {
            case INT -> ((int[]) column)[index] = (int) integer(field, value);
            case LONG ->
                ((long[]) column)[index] = type == CellType.DATETIME ? datetime(field, value) : integer(field, value);
            case FLOAT -> ((float[]) column)[index] = (float) number(field, value);
            case DOUBLE -> ((double[]) column)[index] = number(field, value);
            case STRING -> {
                if (!(value instanceof CharSequence s)) {
                    throw wrong(field, value, "text");
                }
                ((String[]) column)[index] = s.toString();
            }
        }
    }

    private static long integer(CellField field, Object value) {
        long v;
        if (value instanceof Boolean b && field.type() == CellType.BOOL) {
            v = b ? 1 : 0;
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigInteger b
                && field.type() == CellType.UINT64
                && b.signum() >= 0
                && b.bitLength() <= 64) {
            return b.longValue();
        } else if (value instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 0x1p53) {
            v = (long) n.doubleValue();
        } else if (value instanceof CharSequence text
                && parsesAsInteger(text.toString().trim())) {
            String digits = text.toString().trim();
            try {
                v = field.type() == CellType.UINT64 ? Long.parseUnsignedLong(digits) : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "field " + field.name() + " is " + field.typeName() + ", which cannot hold " + digits);
            }
            if (field.type() == CellType.UINT64) {
                return v;
            }
        } else {
            throw wrong(field, value, "an integer");
        }
        long[] bounds = field.type().integerBounds();
        if (field.type() != CellType.UINT64 && (v < bounds[0] || v > bounds[1])) {
            throw new IllegalArgumentException(
                    "field " + field.name() + " is " + field.typeName() + ", which cannot hold " + v);
        }
        if (field.type() == CellType.UINT64 && v < 0) {
            throw new IllegalArgumentException(
                    "field " + field.name() + " is " + field.typeName() + ", which cannot hold " + v);
        }
        return v;
    }

    private static boolean parsesAsInteger(String text) {
        return text.matches("[+-]?\\d{1,20}");
    }

    private static double number(CellField field, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof CharSequence text) {
            try {
                return Double.parseDouble(text.toString().trim());
            } catch (NumberFormatException e) {
                throw wrong(field, value, "a number");
            }
        }
        throw wrong(field, value, "a number");
    }

    private static long datetime(CellField field, Object value) {
        String unit = field.typeName().toUpperCase(Locale.ROOT);
        if (value instanceof Number
                || value instanceof CharSequence s
                        && parsesAsInteger(s.toString().trim())) {
            return integer(field, value);
        }
        if (unit.startsWith("TIME_")) {
            if (value instanceof LocalTime t) {
                return count(unit.substring(5), t.toNanoOfDay(), null);
            }
            throw wrong(field, value, "a count of " + unit.substring(5) + " or a LocalTime");
        }
        Instant instant;
        try {
            instant = instant(value);
        } catch (DateTimeParseException e) {
            throw wrong(field, value, "a count of its unit or an ISO-8601 date or instant");
        }
        if (instant == null) {
            throw wrong(field, value, "a count of its unit, an Instant, a Date, a LocalDate or ISO-8601 text");
        }
        long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        return count(unit.substring("DATETIME_".length()), nanos, instant);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof LocalDateTime d) {
            return d.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime d) {
            return d.toInstant();
        }
        if (value instanceof ZonedDateTime d) {
            return d.toInstant();
        }
        if (value instanceof CharSequence s) {
            String text = s.toString();
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    /** Nanoseconds since the epoch (or midnight) as a count of {@code unit}. */
    private static long count(String unit, long nanos, Instant instant) {
        return switch (unit) {
            case "YEAR" -> instant.atZone(ZoneOffset.UTC).getYear() - 1970L;
            case "MONTH" ->
                ChronoUnit.MONTHS.between(
                        LocalDate.of(1970, 1, 1),
                        instant.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
            case "WEEK" -> Math.floorDiv(Math.floorDiv(nanos, 86_400_000_000_000L), 7);
            case "DAY" -> Math.floorDiv(nanos, 86_400_000_000_000L);
            case "HR" -> Math.floorDiv(nanos, 3_600_000_000_000L);
            case "MIN" -> Math.floorDiv(nanos, 60_000_000_000L);
            case "SEC" -> Math.floorDiv(nanos, 1_000_000_000L);
            case "MS" -> Math.floorDiv(nanos, 1_000_000L);
            case "US" -> Math.floorDiv(nanos, 1_000L);
            case "NS" -> nanos;
            case "PS" -> Math.multiplyExact(nanos, 1_000L);
            case "FS" -> Math.multiplyExact(nanos, 1_000_000L);
            case "AS" -> Math.multiplyExact(nanos, 1_000_000_000L);
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }

    private static IllegalArgumentException wrong(CellField field, Object value, String takes) {
        return new IllegalArgumentException("field " + field.name() + " is " + field.typeName() + " and takes " + takes
                + ", not the " + value.getClass().getSimpleName() + " '" + abbreviate(String.valueOf(value)) + "'");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
