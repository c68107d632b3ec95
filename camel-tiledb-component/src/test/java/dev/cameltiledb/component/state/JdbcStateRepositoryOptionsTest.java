package dev.cameltiledb.component.state;

import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The options: defaults, tableName validation, createTable=false, a missing dataSource. */
class JdbcStateRepositoryOptionsTest {

    @Test
    void defaults() {
        JdbcStateRepository repo = new JdbcStateRepository();
        assertEquals("camel_tiledb_state", repo.getTableName());
        assertTrue(repo.isCreateTable());
        assertEquals("JdbcStateRepository[table=camel_tiledb_state]", repo.toString());
    }

    @Test
    void tableNameMustBeAPlainIdentifier() {
        JdbcStateRepository repo = new JdbcStateRepository();
        for (String bad : List.of(
                "",
                "1state",
                "state table",
                "state;DROP TABLE x",
                "\"quoted\"",
                "state-table",
                "a.b.c",
                ".state",
                "state.",
                "s".repeat(64))) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> repo.setTableName(bad), bad);
            assertTrue(
                    refused.getMessage().startsWith("tableName must be a plain SQL identifier"), refused::getMessage);
            assertTrue(refused.getMessage().endsWith("'" + bad + "'"), refused::getMessage);
        }
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> repo.setTableName(null));
        assertTrue(none.getMessage().contains("tableName"), none::getMessage);
        assertEquals("camel_tiledb_state", repo.getTableName(), "a refused name changes nothing");

        for (String good : List.of("cursors", "Camel_State_2", "_state", "public.cursors", "s".repeat(63))) {
            repo.setTableName(good);
            assertEquals(good, repo.getTableName());
        }
    }

    @Test
    void withoutCreateTableAMissingTableFailsTheStart() {
        JdbcStateRepository repo = new JdbcStateRepository(h2());
        repo.setTableName("not_created");
        repo.setCreateTable(false);
        StateStoreException failure = assertThrows(StateStoreException.class, repo::start);
        assertTrue(failure.getMessage().contains("table not_created"), failure::getMessage);
        assertTrue(failure.getMessage().contains("createTable is false"), failure::getMessage);

        repo.setCreateTable(true);
        repo.start();
        repo.setState("k", "v");
        assertEquals("v", repo.getState("k"));
    }

    @Test
    void aDataSourceIsRequired() {
        JdbcStateRepository repo = new JdbcStateRepository();
        IllegalArgumentException atStart = assertThrows(IllegalArgumentException.class, repo::start);
        assertTrue(atStart.getMessage().contains("dataSource"), atStart::getMessage);
        IllegalStateException atUse = assertThrows(IllegalStateException.class, () -> repo.getState("k"));
        assertTrue(atUse.getMessage().contains("dataSource"), atUse::getMessage);
    }

    @Test
    void worksWithoutBeingStarted() {
        // a repository only given to a consumer is started by it; one used directly creates its table on first use
        JdbcStateRepository repo = new JdbcStateRepository(h2());
        repo.setState("k", "v");
        assertEquals("v", repo.getState("k"));
        assertFalse(repo.isStarted());
    }

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:options-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }
}
