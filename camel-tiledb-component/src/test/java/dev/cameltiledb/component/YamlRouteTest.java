package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A YAML DSL route file using tiledb:arrays, loaded through camel-main exactly as users load theirs. */
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
}
