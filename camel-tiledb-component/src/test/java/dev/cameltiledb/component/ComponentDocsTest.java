package dev.cameltiledb.component;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The AsciiDoc page documents every option, header and operation the generated descriptor has. */
class ComponentDocsTest {

    @Test
    void docsCoverTheDescriptor() throws Exception {
        String docs = Files.readString(Path.of("src/main/docs/tiledb-component.adoc"));
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/cameltiledb/component/tiledb.json")) {
            json = new ObjectMapper().readTree(in);
        }
        List<String> missing = new ArrayList<>();
        json.get("componentProperties").fieldNames().forEachRemaining(n -> check(docs, "*" + n + "*", missing));
        json.get("properties").fieldNames().forEachRemaining(n -> check(docs, "*" + n + "*", missing));
        json.get("headers").fieldNames().forEachRemaining(n -> check(docs, "`" + n + "`", missing));
        for (TileDBOperation operation : TileDBOperation.values()) {
            check(docs, "| `" + operation + "`", missing);
        }
        assertEquals(List.of(), missing, "regenerate the tables of tiledb-component.adoc from tiledb.json");
    }

    private static void check(String docs, String token, List<String> missing) {
        if (!docs.contains(token)) {
            missing.add(token);
        }
    }
}
