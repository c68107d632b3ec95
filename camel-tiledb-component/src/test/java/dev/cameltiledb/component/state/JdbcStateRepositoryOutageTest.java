package dev.cameltiledb.component.state;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;

import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes down under a started repository and comes back: every operation fails with a
 * StateStoreException that says what and where and leaks no credential, and the same instance works again afterwards
 * with the data saved before the outage.
 */
@Tag("server")
class JdbcStateRepositoryOutageTest {

    private static final String VALUE = "cursor-value-not-for-logs";

    @RegisterExtension
    static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();

    /** Fails the class if the password or a stored value shows up in any log line (debug included). */
    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(POSTGRES.getPassword(), VALUE);

    @Test
    void everyOperationFailsCleanlyDuringAnOutageAndTheSameInstanceRecovers() throws Exception {
        // one node with user and password set on the DataSource, one whose URL carries them
        JdbcStateRepository withProperties = new JdbcStateRepository(POSTGRES.getDataSource());
        withProperties.setTableName("outage_cursors");
        withProperties.start();
        PGSimpleDataSource fromUrl = new PGSimpleDataSource();
        String urlWithPassword =
                POSTGRES.getJdbcUrl() + "?user=" + POSTGRES.getUser() + "&password=" + POSTGRES.getPassword();
        fromUrl.setUrl(urlWithPassword);
        JdbcStateRepository withUrl = new JdbcStateRepository(fromUrl);
        withUrl.setTableName("outage_cursors");
        withUrl.start();

        withProperties.setState("cursor", VALUE);
        long epoch = withProperties.acquireFence("partition");
        withProperties.setState("fenced", VALUE + "-fenced", "partition", epoch);

        POSTGRES.stopServer();
        try {
            for (JdbcStateRepository repo : List.of(withProperties, withUrl)) {
                List<Operation> operations = List.of(
                        new Operation("reading key 'cursor'", () -> repo.getState("cursor")),
                        new Operation("saving key 'cursor'", () -> repo.setState("cursor", "during the outage")),
                        new Operation(
                                "acquiring an epoch of fence key 'partition'", () -> repo.acquireFence("partition")),
                        new Operation(
                                "saving key 'fenced' under epoch " + epoch + " of fence key 'partition'",
                                () -> repo.setState("fenced", "during the outage", "partition", epoch)));
                for (Operation operation : operations) {
                    StateStoreException failure = assertThrows(StateStoreException.class, operation.run());
                    assertFalse(failure instanceof StateFencedException, failure::toString);
                    assertNamesTheStoreAndNoCredential(failure, operation.what(), urlWithPassword);
                    assertInstanceOf(SQLException.class, failure.getCause());
                }
            }

            // a node starting during the outage cannot check its table: it says so, and which table
            JdbcStateRepository starting = new JdbcStateRepository(POSTGRES.getDataSource());
            starting.setTableName("outage_cursors");
            StateStoreException notStarted = assertThrows(StateStoreException.class, starting::start);
            assertNamesTheStoreAndNoCredential(notStarted, "checking the table exists", urlWithPassword);
        } finally {
            POSTGRES.startServer();
        }

        // no restart of the repositories: the next operation takes a new connection
        assertEquals(VALUE, withProperties.getState("cursor"));
        assertEquals(VALUE, withUrl.getState("cursor"));
        assertEquals(VALUE + "-fenced", withUrl.getState("fenced"));
        withUrl.setState("cursor", "after the outage");
        assertEquals("after the outage", withProperties.getState("cursor"));
        withProperties.setState("fenced", "after the outage", "partition", epoch);
        assertEquals(epoch + 1, withUrl.acquireFence("partition"));
        assertNull(withProperties.getState("never-written"));

        assertTrue(
                LOGS.lines().stream().anyMatch(line -> line.contains("JdbcStateRepository")),
                "the repository's debug lines were captured");
        withProperties.stop();
        withUrl.stop();
    }

    private record Operation(String what, Executable run) {}

    private static void assertNamesTheStoreAndNoCredential(
            StateStoreException failure, String expected, String urlWithPassword) {
        String message = failure.getMessage();
        assertTrue(message.contains("outage_cursors"), message);
        assertTrue(message.contains(expected), () -> "'" + expected + "' missing from: " + message);
        for (String secret :
                List.of(POSTGRES.getPassword(), POSTGRES.getUser(), "jdbc:", urlWithPassword, POSTGRES.getJdbcUrl())) {
            assertFalse(message.contains(secret), () -> "'" + secret + "' in: " + message);
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(POSTGRES.getPassword()), trace::toString);
    }
}
