package dev.cameltiledb.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The AsciiDoc page has a row for every operation. Its options and headers tables, between {@code // <table>: START}
 * and {@code // <table>: END} markers, are written by the build from the descriptor (component-generator).
 */
class ComponentDocsTest {

    private static final Path DOCS = Path.of("src/main/docs/tiledb-component.adoc");

    @Test
    void docsHaveARowForEveryOperation() throws Exception {
        String docs = Files.readString(DOCS);
        List<String> missing = new ArrayList<>();
        for (TileDBOperation operation : TileDBOperation.values()) {
            if (!docs.contains("| `" + operation + "`")) {
                missing.add(operation.name());
            }
        }
        assertEquals(List.of(), missing, "operations without a row in the docs");
    }
}
