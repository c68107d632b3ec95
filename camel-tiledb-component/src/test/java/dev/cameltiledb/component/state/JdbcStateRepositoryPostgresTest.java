package dev.cameltiledb.component.state;

import javax.sql.DataSource;

import dev.cameltiledb.component.TileDBEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The contract on a real PostgreSQL server, and the repository declared in YAML as the docs show. */
@Tag("server")
class JdbcStateRepositoryPostgresTest extends JdbcStateRepositoryContract {

    @RegisterExtension
    static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();

    @Override
    DataSource newNodeDataSource() {
        return POSTGRES.getDataSource();
    }

    @Test
    void declaredAsBeansInYaml() throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:state/jdbc-state-repository.yaml");
        main.addInitialProperty("state.db.url", POSTGRES.getJdbcUrl());
        main.addInitialProperty("state.db.user", POSTGRES.getUser());
        main.addInitialProperty("state.db.password", POSTGRES.getPassword());
        // the route is not started; its endpoint still wants credentials
        main.addInitialProperty("camel.component.tiledb.apiKey", "not-used");
        main.start();
        try {
            JdbcStateRepository cursors =
                    main.getCamelContext().getRegistry().lookupByNameAndType("cursors", JdbcStateRepository.class);
            assertNotNull(cursors, "the cursors bean");
            assertEquals("tiledb_cursors", cursors.getTableName());
            cursors.setState("activity|acme", "{\"t\":1}");
            TileDBEndpoint endpoint =
                    (TileDBEndpoint) main.getCamelContext().getRoute("audit").getEndpoint();
            assertSame(cursors, endpoint.getConfiguration().getConsumer().getStateRepository());

            // another node, configured in Java, shares it
            JdbcStateRepository javaNode = new JdbcStateRepository(POSTGRES.getDataSource());
            javaNode.setTableName("tiledb_cursors");
            javaNode.start();
            assertEquals("{\"t\":1}", javaNode.getState("activity|acme"));
            javaNode.stop();
        } finally {
            main.stop();
        }
    }
}
