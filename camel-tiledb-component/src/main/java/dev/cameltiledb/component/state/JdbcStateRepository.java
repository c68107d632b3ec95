package dev.cameltiledb.component.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FencedStateRepository} in one table of a SQL database, shared by every node that uses the same database:
 * consumer cursors survive a restart and move with a takeover. Tested on PostgreSQL and H2. The statements are plain
 * UPDATE, INSERT and {@code SELECT ... FOR UPDATE}, no product-specific upsert; the DDL's {@code TEXT} type is
 * PostgreSQL's and H2's (elsewhere create the table yourself and turn {@code createTable} off).
 *
 * <h2>The table</h2>
 *
 * <pre>
 * CREATE TABLE camel_tiledb_state (
 *     state_key   VARCHAR(1024) NOT NULL PRIMARY KEY,
 *     state_value TEXT,
 *     epoch       BIGINT NOT NULL,
 *     updated_at  TIMESTAMP NOT NULL)
 * </pre>
 *
 * created when missing at start ({@link #setCreateTable createTable}, default true; several nodes starting at once is
 * fine). The columns are not called {@code key} and {@code value}: H2 reserves {@code VALUE}. One row per key holds
 * both what the key's state is ({@code state_value}, written by {@link #setState(String, String)}) and the epoch of
 * the key used as a fence key ({@code epoch}, written by {@link #acquireFence}; 0 when never acquired): each operation
 * writes only its own column, so a key can be a state key, a fence key or both. A row created by {@code acquireFence}
 * alone has no state ({@code getState} answers null).
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>{@link #getState} is one SELECT in autocommit, nothing cached: it sees the last value any node committed.
 *   <li>{@link #setState(String, String)} is atomic per key: an UPDATE, or an INSERT when the key is new; when two
 *       nodes insert the same new key at once, the one refused by the primary key (SQLState class 23) updates
 *       instead. A value is never half written. A null value is refused, as Camel's own state repositories do.
 *   <li>{@link #acquireFence} raises the epoch of the fence key's row by one in one transaction (creating the row at
 *       epoch 1) and returns it.
 *   <li>{@link #setState(String, String, String, long)} runs in one transaction: it locks the fence key's row with
 *       {@code SELECT epoch ... FOR UPDATE}, compares, and writes the value only when the epoch is still current.
 *       {@code acquireFence} updates that same row, so it waits for a save in progress (which then commits under the
 *       old epoch, before the new one exists), or the save waits for it and sees the new epoch. After
 *       {@code acquireFence} returned, no save under an older epoch commits.
 * </ul>
 *
 * A transaction the database aborts for a serialization failure or a deadlock (SQLState class 40) is run again, up to
 * {@value #ATTEMPTS} times. Any other failure raises {@link StateStoreException}, naming this table, the key and what
 * was attempted, with the {@link SQLException} as cause; never the DataSource, its URL or its credentials. Every
 * connection is closed before the method returns. Values are never logged.
 *
 * <p>Keys are at most {@value #MAX_KEY_LENGTH} characters. PostgreSQL's {@code TEXT} cannot hold the NUL character.
 */
public class JdbcStateRepository extends ServiceSupport implements FencedStateRepository {

    public static final String DEFAULT_TABLE_NAME = "camel_tiledb_state";
    public static final int MAX_KEY_LENGTH = 1024;

    static final int ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateRepository.class);
    /** An unquoted SQL identifier, optionally qualified by a schema; nothing a statement could be built from. */
    private static final Pattern TABLE_NAME =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

    private volatile DataSource dataSource;
    private volatile Sql sql = new Sql(DEFAULT_TABLE_NAME);
    private volatile boolean createTable = true;
    /** Set once the table was found or created; until then every operation checks it first. */
    private volatile boolean tableReady;

    public JdbcStateRepository() {}

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database all nodes share. Never printed: its URL or properties may carry a password. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tableReady = false;
    }

    public String getTableName() {
        return sql.table;
    }

    /**
     * The table, default {@value #DEFAULT_TABLE_NAME}: an unquoted SQL identifier (letters, digits, underscores, not
     * starting with a digit, at most 63 characters), optionally {@code schema.table}.
     */
    public void setTableName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("tableName must be a plain SQL identifier (letters, digits and"
                    + " underscores, not starting with a digit, at most 63 characters), optionally schema.table; got "
                    + (tableName == null ? "null" : "'" + tableName + "'"));
        }
        this.sql = new Sql(tableName);
        this.tableReady = false;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether to create the table when it is missing (default true); when false a missing table fails the start. */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    /** Checks the table is there, creating it when missing and {@code createTable} is on. */
    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcStateRepository: dataSource must be set");
        }
        ensureTable(null);
    }

    @Override
    protected void doStop() {
        // nothing held: connections are taken per operation, and the DataSource belongs to whoever configured it
    }

    @Override
    public String getState(String key) {
        checkKey(key);
        Sql s = ready("reading key '" + key + "'");
        try (Connection c = connection();
                PreparedStatement select = c.prepareStatement(s.selectValue)) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure(s, "reading key '" + key + "'", e);
        }
    }

    @Override
    public void setState(String key, String value) {
        checkKey(key);
        Objects.requireNonNull(
                value,
                () -> "value of key '" + key + "' is null: a StateRepository holds no null values (Camel's"
                        + " MemoryStateRepository and FileStateRepository refuse them too)");
        Sql s = ready("saving key '" + key + "'");
        SQLException last = null;
        try (Connection c = connection()) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    if (update(c, s, key, value) || insert(c, s, key, value)) {
                        LOG.debug("Saved key '{}' in {}", key, s.table);
                        return;
                    }
                } catch (SQLException e) {
                    if (!isClass(e, "23") && !isClass(e, "40")) {
                        throw e;
                    }
                    // another node inserted the key first (or the database aborted us): update it now
                    last = e;
                }
            }
        } catch (SQLException e) {
            throw failure(s, "saving key '" + key + "'", e);
        }
        throw failure(s, "saving key '" + key + "' (" + ATTEMPTS + " attempts collided with other writers)", last);
    }

    @Override
    public long acquireFence(String fenceKey) {
        checkKey(fenceKey);
        Sql s = ready("acquiring an epoch of fence key '" + fenceKey + "'");
        long epoch = inTransaction(s, "acquiring an epoch of fence key '" + fenceKey + "'", c -> {
            try (PreparedStatement raise = c.prepareStatement(s.raiseEpoch)) {
                raise.setString(1, fenceKey);
                if (raise.executeUpdate() == 0) {
                    try (PreparedStatement insert = c.prepareStatement(s.insertFence)) {
                        insert.setString(1, fenceKey);
                        insert.executeUpdate();
                    }
                    return 1L;
                }
            }
            // our UPDATE holds the row's lock until commit: this reads the epoch we wrote
            Long current = currentEpoch(c, s.selectEpoch, fenceKey);
            if (current == null) {
                throw new SQLException("the row of fence key '" + fenceKey + "' vanished after its update", "40001");
            }
            return current;
        });
        LOG.debug("Acquired epoch {} of fence key '{}' in {}", epoch, fenceKey, s.table);
        return epoch;
    }

    @Override
    public long currentFence(String fenceKey) {
        checkKey(fenceKey);
        Sql s = ready("read the epoch of fence key '" + fenceKey + "'");
        try (Connection c = connection()) {
            Long current = currentEpoch(c, s.selectEpoch, fenceKey);
            return current == null ? 0 : current;
        } catch (SQLException e) {
            throw failure(s, "reading the epoch of fence key '" + fenceKey + "'", e);
        }
    }

    @Override
    public void setState(String key, String value, String fenceKey, long epoch) {
        checkKey(key);
        checkKey(fenceKey);
        Objects.requireNonNull(
                value, () -> "value of key '" + key + "' is null: a StateRepository holds no null values");
        if (epoch < 1) {
            throw new IllegalArgumentException(
                    "epoch must be one acquireFence returned (1 or more), got " + epoch + " for key '" + key + "'");
        }
        Sql s = ready("saving key '" + key + "'");
        inTransaction(s, "saving key '" + key + "' under epoch " + epoch + " of fence key '" + fenceKey + "'", c -> {
            Long current = currentEpoch(c, s.lockEpoch, fenceKey);
            if (current == null || current != epoch) {
                long now = current == null ? 0 : current;
                throw new StateFencedException(
                        (current == null
                                        ? "Refused to save key '" + key + "' under epoch " + epoch + " of fence key '"
                                                + fenceKey + "': no epoch of that fence key exists (current epoch 0)"
                                        : "Refused to save key '" + key + "' under epoch " + epoch + " of fence key '"
                                                + fenceKey + "': the current epoch is " + now
                                                + ", another node took over")
                                + "; nothing was written (state table " + s.table + ")",
                        epoch,
                        now);
            }
            if (!update(c, s, key, value)) {
                // a class 23 refusal here (another node inserted the key meanwhile) rolls back and runs again
                insert(c, s, key, value);
            }
            return null;
        });
        LOG.debug("Saved key '{}' under epoch {} of fence key '{}' in {}", key, epoch, fenceKey, s.table);
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[table=" + sql.table + "]";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static boolean update(Connection c, Sql s, String key, String value) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(s.updateValue)) {
            update.setString(1, value);
            update.setString(2, key);
            return update.executeUpdate() > 0;
        }
    }

    private static boolean insert(Connection c, Sql s, String key, String value) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(s.insertValue)) {
            insert.setString(1, key);
            insert.setString(2, value);
            return insert.executeUpdate() > 0;
        }
    }

    /** The epoch column of {@code key}'s row, or null when there is no row. */
    private static Long currentEpoch(Connection c, String statement, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(statement)) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and commits; rolls back on any failure, and runs it again after a refusal
     * that another writer caused (SQLState class 23 or 40). A {@link StateFencedException} rolls back and propagates.
     */
    private <T> T inTransaction(Sql s, String what, Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c, e);
                    throw e;
                } finally {
                    restoreAutoCommit(c);
                }
            } catch (SQLException e) {
                if (!isClass(e, "23") && !isClass(e, "40")) {
                    throw failure(s, what, e);
                }
                last = e;
            }
        }
        throw failure(s, what + " (" + ATTEMPTS + " attempts collided with other writers)", last);
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is being closed anyway (a pool resets it on return)
            LOG.debug("Could not restore autocommit on a state store connection: {}", e.getMessage());
        }
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The statements, once the table is known to exist (checked on the first operation when start was skipped). */
    private Sql ready(String what) {
        if (dataSource == null) {
            throw new IllegalStateException("JdbcStateRepository: dataSource must be set before " + what);
        }
        if (!tableReady) {
            ensureTable(what);
        }
        return sql;
    }

    /** {@code purpose}: the operation that needs the table (for the message), or null at start. */
    private synchronized void ensureTable(String purpose) {
        if (tableReady) {
            return;
        }
        Sql s = sql;
        String before = purpose == null ? "" : " (for " + purpose + ")";
        try (Connection c = connection()) {
            SQLException missing = probe(c, s);
            if (missing != null) {
                if (!createTable) {
                    throw failure(s, "checking the table exists (createTable is false)" + before, missing);
                }
                try (Statement create = c.createStatement()) {
                    create.execute(s.createTable);
                    LOG.debug("Created the state table {}", s.table);
                } catch (SQLException e) {
                    // another node may have created it meanwhile
                    if (probe(c, s) != null) {
                        e.addSuppressed(missing);
                        throw failure(s, "creating the table" + before, e);
                    }
                }
            }
            tableReady = true;
        } catch (SQLException e) {
            throw failure(s, "checking the table exists" + before, e);
        }
    }

    /** Null when the table answers a query on its columns, else why not. */
    private static SQLException probe(Connection c, Sql s) {
        try (Statement probe = c.createStatement()) {
            probe.executeQuery(s.probe).close();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key is " + key.length() + " characters, at most " + MAX_KEY_LENGTH
                    + " fit the state table: '" + key.substring(0, 64) + "...'");
        }
    }

    private static boolean isClass(SQLException e, String sqlStateClass) {
        String state = e.getSQLState();
        return state != null && state.startsWith(sqlStateClass);
    }

    /** Names the table, the key and the attempt; the SQLState; never the DataSource. */
    private static StateStoreException failure(Sql s, String what, SQLException e) {
        return new StateStoreException(
                "JDBC state store (table " + s.table + "): " + what + " failed"
                        + (e != null && e.getSQLState() != null ? " (SQLState " + e.getSQLState() + ")" : ""),
                e);
    }

    /** The statements on one table; the name is validated before it gets here. */
    private static final class Sql {
        final String table;
        final String createTable;
        final String probe;
        final String selectValue;
        final String updateValue;
        final String insertValue;
        final String raiseEpoch;
        final String insertFence;
        final String selectEpoch;
        final String lockEpoch;

        Sql(String table) {
            this.table = table;
            createTable = "CREATE TABLE " + table + " (state_key VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL PRIMARY KEY,"
                    + " state_value TEXT, epoch BIGINT NOT NULL, updated_at TIMESTAMP NOT NULL)";
            probe = "SELECT state_key, state_value, epoch, updated_at FROM " + table + " WHERE 1 = 0";
            selectValue = "SELECT state_value FROM " + table + " WHERE state_key = ?";
            updateValue =
                    "UPDATE " + table + " SET state_value = ?, updated_at = CURRENT_TIMESTAMP WHERE state_key = ?";
            insertValue = "INSERT INTO " + table + " (state_key, state_value, epoch, updated_at)"
                    + " VALUES (?, ?, 0, CURRENT_TIMESTAMP)";
            raiseEpoch =
                    "UPDATE " + table + " SET epoch = epoch + 1, updated_at = CURRENT_TIMESTAMP WHERE state_key = ?";
            insertFence = "INSERT INTO " + table + " (state_key, state_value, epoch, updated_at)"
                    + " VALUES (?, NULL, 1, CURRENT_TIMESTAMP)";
            selectEpoch = "SELECT epoch FROM " + table + " WHERE state_key = ?";
            lockEpoch = selectEpoch + " FOR UPDATE";
        }
    }
}
