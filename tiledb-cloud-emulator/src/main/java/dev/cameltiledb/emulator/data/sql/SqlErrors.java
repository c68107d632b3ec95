package dev.cameltiledb.emulator.data.sql;

import java.sql.SQLException;

import dev.cameltiledb.emulator.data.EngineException;

/**
 * The service's answers for SQL that cannot run: a 400 for bad SQL (syntax, unknown table or column, wrong
 * parameters, a value that does not convert), a 403 for a statement that would change something (SQL on the emulator
 * reads arrays), a 500 when the database itself fails. The message starts with what failed ({@code query},
 * {@code init_commands[0]}) and gives the database's own words without its internal codes.
 */
final class SqlErrors {

    /** H2: not enough rights for an object. */
    private static final int NO_RIGHTS = 90096;

    private SqlErrors() {}

    static EngineException of(String what, SQLException e) {
        String reason = clean(e.getMessage());
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e.getErrorCode() == NO_RIGHTS) {
            return EngineException.forbidden(
                    what + ": SQL on the emulator reads arrays and changes nothing (" + reason + ")");
        }
        if (state.startsWith("42")) {
            return EngineException.badRequest(what + " is not valid SQL: " + reason);
        }
        if (state.startsWith("08") || state.startsWith("HY") || state.startsWith("XX")) {
            return new EngineException(500, what + " failed in the emulator's SQL engine: " + reason);
        }
        return EngineException.badRequest(what + " failed: " + reason);
    }

    /** H2's message without the statement it repeats and the code it appends ({@code [42001-232]}). */
    static String clean(String message) {
        if (message == null) {
            return "no reason given";
        }
        String m = message;
        int statement = m.indexOf("; SQL statement:");
        if (statement >= 0) {
            m = m.substring(0, statement);
        }
        return m.replaceAll("\\s*\\[\\d{5}-\\d+]\\s*$", "").strip();
    }
}
