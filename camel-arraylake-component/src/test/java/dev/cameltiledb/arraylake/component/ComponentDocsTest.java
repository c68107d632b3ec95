package dev.cameltiledb.arraylake.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The docs page carries the descriptor's option and header tables between markers, a row for every operation and
 * every seed function, and says what is out of scope. -Darraylake.docs.update=true rewrites the tables.
 */
class ComponentDocsTest {

    private static final Path DOCS = Path.of("src/main/docs/arraylake-component.adoc");

    /** The functions of seed 003 (arraylake.Client), each to have its row. */
    private static final List<String> SEED_FUNCTIONS = List.of(
            "list_repos",
            "get_repo_object",
            "get_repo",
            "get_or_create_repo",
            "create_repo",
            "delete_repo",
            "create_bucket_config",
            "set_default_bucket_config",
            "get_bucket_config",
            "list_bucket_configs",
            "list_repos_for_bucket_config",
            "delete_bucket_config",
            "login",
            "logout",
            "get_api_client_id_from_token",
            "get_permission_check",
            "get_services");

    @Test
    void theDocsCarryTheDescriptorsTablesEveryOperationAndEverySeedFunction() throws Exception {
        String docs = Files.readString(DOCS);
        JsonNode json = Descriptor.json();
        String expected = between(docs, "component options", options(json.get("componentProperties")));
        expected = between(expected, "endpoint options", options(json.get("properties")));
        expected = between(expected, "message headers", headers(json.get("headers")));
        if (Descriptor.update()) {
            Files.writeString(DOCS, expected);
            docs = expected;
        }
        assertEquals(expected, docs, "the tables differ from arraylake.json: build with -Darraylake.docs.update=true");
        List<String> missing = new ArrayList<>();
        for (ArraylakeOperation operation : ArraylakeOperation.values()) {
            if (!docs.contains("| `" + operation + "` |")) {
                missing.add("operation " + operation);
            }
        }
        for (String function : SEED_FUNCTIONS) {
            if (!docs.contains("`" + function + "(")) {
                missing.add("seed function " + function);
            }
        }
        for (String scope :
                List.of("interactive browser login is out of scope", "icechunk repository is out of scope")) {
            if (!docs.contains(scope)) {
                missing.add(scope);
            }
        }
        assertEquals(List.of(), missing);
    }

    private static String between(String docs, String marker, String table) {
        String start = "// " + marker + ": START\n";
        int a = docs.indexOf(start);
        int b = docs.indexOf("// " + marker + ": END");
        if (a < 0 || b < a) {
            throw new AssertionError("the docs lack the markers of " + marker);
        }
        return docs.substring(0, a + start.length()) + table + docs.substring(b);
    }

    private static String options(JsonNode options) {
        StringBuilder out = new StringBuilder(
                "[cols=\"2,5,1,1\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        options.fields().forEachRemaining(e -> {
            JsonNode o = e.getValue();
            out.append("| *")
                    .append(e.getKey())
                    .append("* (")
                    .append(o.path("group").asText())
                    .append(") | ")
                    .append(escaped(o.path("description").asText()))
                    .append(" | ")
                    .append(escaped(o.path("defaultValue").asText()))
                    .append(" | ")
                    .append(o.has("enum") ? "enum" : o.path("type").asText())
                    .append('\n');
        });
        return out.append("|===\n").toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder out =
                new StringBuilder("[cols=\"2,5,1\",options=\"header\"]\n|===\n| Header | Description | Type\n");
        headers.fields().forEachRemaining(e -> {
            String type = e.getValue().path("javaType").asText();
            out.append("| `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(escaped(e.getValue().path("description").asText()))
                    .append(" | ")
                    .append(type.substring(type.lastIndexOf('.') + 1))
                    .append('\n');
        });
        return out.append("|===\n").toString();
    }

    private static String escaped(String text) {
        return text.replace("|", "\\|");
    }
}
