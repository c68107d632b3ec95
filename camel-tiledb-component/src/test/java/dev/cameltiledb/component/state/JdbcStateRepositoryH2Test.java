package dev.cameltiledb.component.state;

import java.util.UUID;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The contract on H2 (an in-memory database all nodes of the test class open by name). */
class JdbcStateRepositoryH2Test extends JdbcStateRepositoryContract {

    // LOCK_TIMEOUT: H2 waits 1 s for a row lock by default, too little for the concurrency tests on a busy machine
    private static final String URL =
            "jdbc:h2:mem:state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";

    @Override
    DataSource newNodeDataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(URL);
        ds.setUser("sa");
        return ds;
    }
}
