package dev.cameltiledb.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The option and header tables of a component's AsciiDoc page, from its descriptor: between {@code // component
 * options: START} and {@code // component options: END} (and likewise {@code endpoint options}, {@code message
 * headers}). The text around the markers, the tables' attribute lines ({@code [cols=...]}) included, is the page's
 * own.
 */
final class DocTables {

    private final int enumValuesUpTo;

    /**
     * @param enumValuesUpTo an enum option's Type cell lists its values when it has at most this many ({@code enum
     *     (asc, desc)}); otherwise, or with 0, it says {@code enum}
     */
    DocTables(int enumValuesUpTo) {
        this.enumValuesUpTo = enumValuesUpTo;
    }

    void regenerate(Path page, JsonNode descriptor, GeneratedFiles files) throws IOException {
        files.write(page, regenerated(Files.readString(page), descriptor));
    }

    String regenerated(String page, JsonNode descriptor) {
        String out = replace(
                page,
                "component options",
                "| Name | Description | Default | Type",
                table -> options(table, descriptor.get("componentProperties")));
        out = replace(
                out,
                "endpoint options",
                "| Name | Description | Default | Type",
                table -> options(table, descriptor.get("properties")));
        return replace(
                out,
                "message headers",
                "| Header | Description | Type",
                table -> headers(table, descriptor.get("headers")));
    }

    private interface Rows {
        void append(StringBuilder table);
    }

    private static String replace(String page, String marker, String titles, Rows rows) {
        String start = "// " + marker + ": START\n";
        int a = page.indexOf(start);
        int b = page.indexOf("// " + marker + ": END");
        if (a < 0 || b < a) {
            throw new IllegalArgumentException("the page lacks the markers of its " + marker + " table ('"
                    + start.strip() + "' and '// " + marker + ": END')");
        }
        int from = a + start.length();
        String old = page.substring(from, b);
        String attributes = old.startsWith("[") ? old.substring(0, old.indexOf('\n')) : "[options=\"header\"]";
        StringBuilder table =
                new StringBuilder(attributes).append("\n|===\n").append(titles).append('\n');
        rows.append(table);
        table.append("|===\n");
        return page.substring(0, from) + table + page.substring(b);
    }

    private void options(StringBuilder table, JsonNode options) {
        options.fields().forEachRemaining(e -> {
            JsonNode o = e.getValue();
            table.append("| *")
                    .append(e.getKey())
                    .append("* (")
                    .append(o.path("group").asText())
                    .append(") | ")
                    .append(cell(o.path("description").asText()))
                    .append(" | ")
                    .append(cell(o.path("defaultValue").asText()))
                    .append(" | ")
                    .append(type(o))
                    .append('\n');
        });
    }

    private String type(JsonNode option) {
        if (!option.has("enum")) {
            return option.path("type").asText();
        }
        List<String> values = new ArrayList<>();
        option.get("enum").forEach(v -> values.add(v.asText()));
        return values.size() <= enumValuesUpTo ? "enum (" + String.join(", ", values) + ")" : "enum";
    }

    private static void headers(StringBuilder table, JsonNode headers) {
        headers.fields().forEachRemaining(e -> {
            String javaType = e.getValue().path("javaType").asText();
            table.append("| `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(cell(e.getValue().path("description").asText()))
                    .append(" | ")
                    .append(javaType.substring(javaType.lastIndexOf('.') + 1))
                    .append('\n');
        });
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
