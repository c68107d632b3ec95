package dev.cameltiledb.component.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The test helper itself: a real server, password-protected, never root, that can go down and come back. */
@Tag("server")
class EmbeddedPostgresDatabaseTest {

    @RegisterExtension
    static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();

    @Test
    void aRealPostgresqlServer() throws SQLException {
        try (Connection c = POSTGRES.getDataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version(), current_user")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("PostgreSQL "), rs.getString(1));
            assertEquals(POSTGRES.getUser(), rs.getString(2));
        }
    }

    @Test
    void theServerNeverRunsAsRoot() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc (Linux)");
        int ourUid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        int backendPid;
        try (Connection c = POSTGRES.getDataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backendPid = rs.getInt(1);
            int serverUid = (Integer) Files.getAttribute(Path.of("/proc/" + backendPid), "unix:uid");
            if (ourUid == 0) {
                assertNotEquals(0, serverUid, "the server process runs as root");
            } else {
                assertEquals(ourUid, serverUid);
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        PGSimpleDataSource ds = (PGSimpleDataSource) POSTGRES.getDataSource();
        ds.setPassword("wrong");
        SQLException refused =
                assertThrows(SQLException.class, () -> ds.getConnection().close());
        assertEquals("28P01", refused.getSQLState(), refused::getMessage);
    }

    @Test
    void stopServerAndStartServerKeepThePortAndTheData() throws SQLException {
        int port = POSTGRES.getPort();
        try (Connection c = POSTGRES.getDataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v INT)");
            s.execute("INSERT INTO kept VALUES (42)");
        }
        POSTGRES.stopServer();
        try {
            assertTrue(!POSTGRES.isRunning());
            SQLException down = assertThrows(
                    SQLException.class,
                    () -> POSTGRES.getDataSource().getConnection().close());
            assertEquals("08001", down.getSQLState(), down::getMessage);
        } finally {
            POSTGRES.startServer();
        }
        assertTrue(POSTGRES.isRunning());
        assertEquals(port, POSTGRES.getPort());
        try (Connection c = POSTGRES.getDataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }
}
