package dev.cameltiledb.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocTablesTest {

    private static final String DESCRIPTOR = """
            {"componentProperties": {"host": {"group": "common", "description": "The host | port.", "type": "string"}},
             "properties": {"sortOrder": {"group": "producer", "description": "Order.", "defaultValue": "asc",
                                          "type": "string", "enum": ["asc", "desc"]}},
             "headers": {"CamelDemoSize": {"description": "The size.", "javaType": "java.lang.Integer"}}}
            """;

    private static final String PAGE = "= Demo\n\n// component options: START\n[cols=\"2,5,1,1\",options=\"header\"]\n"
            + "|===\nold\n|===\n// component options: END\n\n"
            + "// endpoint options: START\n// endpoint options: END\n"
            + "// message headers: START\n[width=\"100%\"]\n|===\n|===\n// message headers: END\nafter\n";

    @Test
    void theTablesComeFromTheDescriptorBetweenTheMarkersKeepingThePagesAttributes() throws Exception {
        JsonNode descriptor = new ObjectMapper().readTree(DESCRIPTOR);
        assertEquals(
                "= Demo\n\n// component options: START\n[cols=\"2,5,1,1\",options=\"header\"]\n|===\n"
                        + "| Name | Description | Default | Type\n"
                        + "| *host* (common) | The host \\| port. |  | string\n|===\n// component options: END\n\n"
                        + "// endpoint options: START\n[options=\"header\"]\n|===\n| Name | Description | Default | Type\n"
                        + "| *sortOrder* (producer) | Order. | asc | enum (asc, desc)\n|===\n// endpoint options: END\n"
                        + "// message headers: START\n[width=\"100%\"]\n|===\n| Header | Description | Type\n"
                        + "| `CamelDemoSize` | The size. | Integer\n|===\n// message headers: END\nafter\n",
                new DocTables(4).regenerated(PAGE, descriptor));
    }

    @Test
    void enumValuesAreListedUpToTheGivenCount() throws Exception {
        JsonNode descriptor = new ObjectMapper().readTree(DESCRIPTOR);
        String page = new DocTables(0).regenerated(PAGE, descriptor);
        assertEquals(true, page.contains("| *sortOrder* (producer) | Order. | asc | enum\n"), page);
    }
}
