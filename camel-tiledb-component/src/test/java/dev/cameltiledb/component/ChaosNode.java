package dev.cameltiledb.component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

import dev.cameltiledb.component.state.JdbcStateRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * One node of {@link ClusterChaosTest}, run in its own JVM so the test can kill it for real: six partition routes on
 * the ZooKeeper ensemble, cursors in the shared PostgreSQL database, and a sink in the same database that records every
 * delivery ({@code deliveries}) and, keyed on the event id, each event once ({@code events}: the idempotent sink).
 * <p>
 * Arguments: node id, incarnation, ZooKeeper connect string, emulator URL, PostgreSQL JDBC URL, partitions, session
 * timeout ms; the database user and password come from the environment ({@code CHAOS_DB_USER}, {@code CHAOS_DB_PASSWORD}),
 * so they are not on a command line.
 */
public final class ChaosNode {

    private ChaosNode() {}

    public static void main(String[] args) throws Exception {
        String id = args[0];
        String incarnation = args[1];
        String jdbcUrl = args[4];
        PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
        postgres.setURL(jdbcUrl);
        postgres.setUser(System.getenv("CHAOS_DB_USER"));
        postgres.setPassword(System.getenv("CHAOS_DB_PASSWORD"));
        // connections are reused: opening one per cursor save or sink write would measure PostgreSQL's logins
        JdbcConnectionPool database = JdbcConnectionPool.create(postgres);
        database.setMaxConnections(16);
        JdbcStateRepository cursors = new JdbcStateRepository(database);
        cursors.start();
        PartitionedNode node = new PartitionedNode(
                id,
                args[2],
                Long.parseLong(args[6]),
                Integer.parseInt(args[5]),
                "namespace=" + ClusterChaosTest.NAMESPACE + "&startFrom=beginning&delay=100&maxMessagesPerPoll="
                        + ClusterChaosTest.MAX_MESSAGES_PER_POLL + "&host=" + args[3] + "&apiKey="
                        + ClusterChaosTest.TOKEN,
                cursors,
                (node1, event, uri) -> record(database, incarnation, event.id(), uri));
        node.start();
        System.out.println("CHAOS-NODE-STARTED " + incarnation);
        new CountDownLatch(1).await(); // until killed
    }

    private static void record(JdbcConnectionPool database, String incarnation, String eventId, String assetUri)
            throws SQLException {
        try (Connection c = database.getConnection()) {
            try (PreparedStatement all = c.prepareStatement(
                    "INSERT INTO deliveries(event_id, node, asset_uri, delivered_at) VALUES (?, ?, ?, ?)")) {
                all.setString(1, eventId);
                all.setString(2, incarnation);
                all.setString(3, assetUri);
                all.setLong(4, System.currentTimeMillis());
                all.executeUpdate();
            }
            try (PreparedStatement once = c.prepareStatement("INSERT INTO events(event_id, asset_uri) VALUES (?, ?)")) {
                once.setString(1, eventId);
                once.setString(2, assetUri);
                once.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                // already there: the idempotent sink drops the redelivery
            }
        }
    }
}
