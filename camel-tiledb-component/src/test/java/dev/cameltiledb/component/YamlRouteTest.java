package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** YAML DSL route files using tiledb:arrays, loaded through camel-main exactly as users load theirs. */
class YamlRouteTest {

    @Test
    void yamlRouteListsTheNamespace() throws Exception {
        SuiteEmulator.get()
                .seed(new Seed(
                        null,
                        List.of(new Organization("yaml-ns", Map.of("alice", "owner"))),
                        List.of(
                                new Seed.SeedArray("yaml-ns", "one", null, null, null, null, null, null),
                                new Seed.SeedArray("yaml-ns", "two", null, null, null, null, null, null))));
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:src/test/resources/routes/arrays.yaml");
        main.addInitialProperty("tiledb.host", SuiteEmulator.get().url());
        main.addInitialProperty("tiledb.token", SuiteEmulator.ALICE_TOKEN);
        main.start();
        try {
            Exchange reply = main.getCamelContext().createProducerTemplate().request("direct:yaml-arrays", e -> {});
            List<ArrayInfo> arrays = reply.getMessage().getBody(List.class);
            assertEquals(
                    List.of("one", "two"), arrays.stream().map(ArrayInfo::name).toList());
            assertEquals(2, reply.getMessage().getHeader("arrayCount", Integer.class));
            assertEquals(1, main.getCamelContext().getRoutes().size());
        } finally {
            main.stop();
        }
    }

    private static final String SALES_SCHEMA = """
            {"version": [1, 3, 0], "arrayType": "sparse", "tileOrder": "row-major", "cellOrder": "row-major",
             "capacity": 10000, "allowsDuplicates": false, "coordsFilterPipeline": {}, "offsetFilterPipeline": {},
             "domain": {"type": "INT64", "tileOrder": "row-major", "cellOrder": "row-major",
                        "dimensions": [{"name": "id", "type": "INT64", "domain": {"int64": [0, 1000]},
                                        "nullTileExtent": false, "tileExtent": {"int64": 100}}]},
             "attributes": [{"name": "region", "type": "STRING_UTF8", "cellValNum": 4294967295, "nullable": false,
                             "filterPipeline": {}},
                            {"name": "amount", "type": "FLOAT64", "cellValNum": 1, "nullable": false,
                             "filterPipeline": {}}]}""";

    @Test
    void yamlRoutesWriteCellsInFragmentsAndReadThemAsColumns() throws Exception {
        SuiteEmulator.namespace("yaml-cells", 0);
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:src/test/resources/routes/cells.yaml");
        main.addInitialProperty("tiledb.host", SuiteEmulator.get().url());
        main.addInitialProperty("tiledb.token", SuiteEmulator.ALICE_TOKEN);
        main.start();
        try {
            var template = main.getCamelContext().createProducerTemplate();
            // created as users create arrays, so its schema is the service's whole answer
            Exchange created = template.request(
                    SuiteEmulator.arrays("operation=create&namespace=yaml-cells&array=sales"),
                    e -> e.getMessage().setBody(SALES_SCHEMA));
            assertEquals(null, created.getException());
            Exchange written = template.request(
                    "direct:yaml-write",
                    e -> e.getMessage()
                            .setBody(List.of(
                                    Map.of("id", 7, "region", "EU", "amount", 70.0),
                                    Map.of("id", 8, "region", "US", "amount", 80.0),
                                    Map.of("id", 9, "region", "EU", "amount", 90.0))));
            assertEquals(null, written.getException());
            List<?> fragments = written.getMessage().getBody(List.class);
            assertEquals(2, fragments.size(), "3 cells in fragments of 2");
            assertEquals(5000L, written.getMessage().getHeader(TileDBConstants.FRAGMENT_TIMESTAMP));

            Exchange read = template.request("direct:yaml-read", e -> {});
            assertEquals(null, read.getException());
            CellColumns columns = read.getMessage().getBody(CellColumns.class);
            assertArrayEquals(new long[] {7, 8, 9}, (long[]) columns.column("id"));
            assertArrayEquals(new double[] {70.0, 80.0, 90.0}, (double[]) columns.column("amount"));
            assertEquals(List.of("id", "amount"), columns.names());
        } finally {
            main.stop();
        }
    }
}
