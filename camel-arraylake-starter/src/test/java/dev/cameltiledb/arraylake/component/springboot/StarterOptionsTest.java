package dev.cameltiledb.arraylake.component.springboot;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every option of the component's catalog (its generated arraylake.json) is a {@code camel.component.arraylake.*}
 * property of the starter, with its description in the IDE metadata the configuration processor writes. The build
 * generates the starter from the catalog (component-generator); this checks what Spring makes of it.
 */
class StarterOptionsTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void everyComponentOptionIsAPropertyWithDocumentation() throws Exception {
        Set<String> options = new TreeSet<>();
        JSON.readTree(resource("META-INF/dev/cameltiledb/arraylake/component/arraylake.json"))
                .get("componentProperties")
                .fieldNames()
                .forEachRemaining(name -> options.add("camel.component.arraylake." + kebab(name)));
        Set<String> properties = new TreeSet<>();
        for (JsonNode property : JSON.readTree(resource("META-INF/spring-configuration-metadata.json"))
                .get("properties")) {
            String name = property.get("name").asText();
            if (name.startsWith("camel.component.arraylake.")) {
                if (!name.endsWith(".enabled") || options.contains(name)) {
                    properties.add(name);
                }
                assertFalse(property.path("description").asText().isBlank(), name + " has no description");
            }
        }
        assertEquals(options, properties);
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static InputStream resource(String name) {
        return StarterOptionsTest.class.getClassLoader().getResourceAsStream(name);
    }
}
