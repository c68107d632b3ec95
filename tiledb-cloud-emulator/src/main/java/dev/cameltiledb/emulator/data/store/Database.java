package dev.cameltiledb.emulator.data.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The engine's embedded H2 database: in a data directory ({@code <dir>/cells.mv.db}) or in memory. In MySQL mode with
 * case-insensitive identifiers, so TileDB's SQL (MariaDB-flavoured, arrays named by backquoted {@code
 * `tiledb://namespace/array`}) runs as written. Schemas: {@code public} holds one table per array, named by its URI,
 * with the array's current cells (what SQL reads); {@code cell_history} the cells that later fragments overwrote (for
 * time travel); {@code cell_staging} a fragment on its way in; {@code engine} the engine's own records. SQL from users
 * runs as the user {@code sql_reader}, who may only read {@code public}: a statement cannot change cells or see the
 * engine's records.
 */
public final class Database implements AutoCloseable {

    static final String READER = "sql_reader";
    private static final String OWNER = "engine";
    private static final String SETTINGS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            // words H2 reserves and MariaDB does not: arrays have attributes named value, day, year...
            + ";NON_KEYWORDS=DAY,HOUR,MINUTE,MONTH,SECOND,YEAR,VALUE,END,USER,TOP,MINUS,UNKNOWN,ARRAY,SYMMETRIC,"
            + "ASYMMETRIC,AUTHORIZATION,ILIKE,QUALIFY,ROWNUM,UESCAPE,SESSION_USER,SYSTEM_USER,CURRENT_SCHEMA,"
            + "CURRENT_CATALOG,CURRENT_PATH";
    /** Settings only an administrator may give: the engine closes the database itself, at {@link #close()}. */
    private static final String OWNER_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE";

    private final String url;
    private final String readerUrl;
    /** Keeps the database open between calls (an embedded H2 database closes with its last connection). */
    private final Connection anchor;

    private Database(String base, String ownerSettings) {
        this.url = base + SETTINGS + OWNER_SETTINGS + ownerSettings;
        this.readerUrl = base + SETTINGS;
        try {
            this.anchor = DriverManager.getConnection(url, OWNER, "");
            try (Statement s = anchor.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS engine");
                s.execute("CREATE SCHEMA IF NOT EXISTS cell_history");
                s.execute("CREATE SCHEMA IF NOT EXISTS cell_staging");
                s.execute("CREATE USER IF NOT EXISTS " + READER + " PASSWORD ''");
                s.execute("GRANT SELECT ON SCHEMA public TO " + READER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the data plane's database " + base + ": " + e.getMessage(), e);
        }
    }

    /** A database under {@code directory} (created when missing), kept across restarts. */
    public static Database inDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // WRITE_DELAY=0: a commit is on disk before the call that made it is answered, so an emulator killed right
        // after an answer keeps what it acknowledged (H2 otherwise writes commits up to half a second later)
        return new Database("jdbc:h2:file:" + directory.toAbsolutePath().resolve("cells"), ";WRITE_DELAY=0");
    }

    /** A database that lives as long as this object. */
    public static Database inMemory() {
        return new Database("jdbc:h2:mem:dataplane-" + UUID.randomUUID(), ";DB_CLOSE_DELAY=-1");
    }

    /** A connection with every right, for the engine itself. */
    public Connection owner() throws SQLException {
        return DriverManager.getConnection(url, OWNER, "");
    }

    /**
     * A connection for users' SQL: reads {@code public} only, runs statements lazily (rows are produced as the result is
     * read, so a large result is never built in memory).
     */
    public Connection reader() throws SQLException {
        Connection c = DriverManager.getConnection(readerUrl, READER, "");
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        return c;
    }

    /**
     * A read-only view of the cells as of now for several queries in a row (a JSON query reads one column per pass and
     * every pass must see the same cells): snapshot isolation in one transaction, rows produced lazily.
     */
    public Connection snapshot() throws SQLException {
        Connection c = owner();
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
        }
        c.setAutoCommit(false);
        c.setReadOnly(true);
        return c;
    }

    @Override
    public void close() {
        try (Statement s = anchor.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed: nothing left to release
        }
    }

    /** {@code "name"}: an identifier quoted for H2, any character allowed. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
