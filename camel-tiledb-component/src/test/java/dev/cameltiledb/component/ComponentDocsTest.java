package dev.cameltiledb.component;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The AsciiDoc page carries the options and headers tables of the generated descriptor, between
 * {@code // <table>: START} and {@code // <table>: END} markers, and a row for every operation. When they drift the
 * test fails; {@code -Dtiledb.docs.update=true} rewrites the tables from the descriptor instead.
 */
class ComponentDocsTest {

    private static final Path DOCS = Path.of("src/main/docs/tiledb-component.adoc");

    @Test
    void docsCarryTheDescriptorsTablesAndEveryOperation() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/cameltiledb/component/tiledb.json")) {
            json = new ObjectMapper().readTree(in);
        }
        String docs = Files.readString(DOCS);
        String expected = docs;
        expected = replace(expected, "component options", optionsTable(json.get("componentProperties")));
        expected = replace(expected, "endpoint options", optionsTable(json.get("properties")));
        expected = replace(expected, "message headers", headersTable(json.get("headers")));
        if (Boolean.getBoolean("tiledb.docs.update")) {
            Files.writeString(DOCS, expected);
            docs = expected;
        }
        assertEquals(
                expected, docs, "the tables differ from tiledb.json: run the build with -Dtiledb.docs.update=true");
        List<String> missing = new ArrayList<>();
        for (TileDBOperation operation : TileDBOperation.values()) {
            if (!docs.contains("| `" + operation + "`")) {
                missing.add(operation.name());
            }
        }
        assertEquals(List.of(), missing, "operations without a row in the docs");
    }

    private static String replace(String docs, String marker, String table) {
        String start = "// " + marker + ": START\n";
        String end = "// " + marker + ": END";
        int a = docs.indexOf(start);
        int b = docs.indexOf(end);
        if (a < 0 || b < a) {
            throw new AssertionError("tiledb-component.adoc lacks the markers of " + marker);
        }
        return docs.substring(0, a + start.length()) + table + docs.substring(b);
    }

    private static String optionsTable(JsonNode options) {
        StringBuilder t = new StringBuilder(
                "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = e.getValue();
            String type = o.path("type").asText();
            if (o.has("enum")) {
                List<String> values = new ArrayList<>();
                o.get("enum").forEach(v -> values.add(v.asText()));
                type = values.size() <= 4 ? "enum (" + String.join(", ", values) + ")" : "enum";
            }
            t.append("| *")
                    .append(e.getKey())
                    .append("* (")
                    .append(o.path("group").asText())
                    .append(") | ")
                    .append(cell(o.path("description").asText()))
                    .append(" | ")
                    .append(cell(o.path("defaultValue").asText()))
                    .append(" | ")
                    .append(type)
                    .append('\n');
        }
        return t.append("|===\n").toString();
    }

    private static String headersTable(JsonNode headers) {
        StringBuilder t = new StringBuilder(
                "[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n| Header | Description | Type\n");
        headers.fields().forEachRemaining(e -> {
            String javaType = e.getValue().path("javaType").asText();
            t.append("| `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(cell(e.getValue().path("description").asText()))
                    .append(" | ")
                    .append(javaType.substring(javaType.lastIndexOf('.') + 1))
                    .append('\n');
        });
        return t.append("|===\n").toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
