package dev.cameltiledb.emulator.data.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Values of an SQL result column in Java, and the text MariaDB gives a date-time ({@code 2024-03-01 10:00:00.123}).
 */
final class SqlValues {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SqlValues() {}

    /** The column's value: {@code LocalDate}, {@code LocalDateTime}, {@code LocalTime} for temporal types. */
    static Object read(ResultSet rows, int column, int sqlType) throws SQLException {
        switch (sqlType) {
            case Types.DATE:
                return rows.getObject(column, LocalDate.class);
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return rows.getObject(column, LocalDateTime.class);
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
                return rows.getObject(column, LocalTime.class);
            default:
                return rows.getObject(column);
        }
    }

    static String dateTime(LocalDateTime t) {
        return SECONDS.format(t) + fraction(t.getNano());
    }

    static String time(LocalTime t) {
        return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()) + fraction(t.getNano());
    }

    /** Milli-, micro- or nanoseconds, as many digits as the value needs. */
    private static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        String nine = String.format("%09d", nanos);
        return "." + (nanos % 1_000_000 == 0 ? nine.substring(0, 3) : nanos % 1000 == 0 ? nine.substring(0, 6) : nine);
    }
}
