package dev.cameltiledb.generator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Spring configuration metadata file as the starters commit it: {@code {"properties": [...]}}, two spaces per
 * level, {@code "key": value}, every character outside ASCII escaped, a newline at the end.
 */
final class MetadataJson {

    private MetadataJson() {}

    static String write(List<Map<String, Object>> properties) {
        StringBuilder out = new StringBuilder("{\n  \"properties\": [\n");
        for (int i = 0; i < properties.size(); i++) {
            out.append("    {\n");
            int field = 0;
            for (Map.Entry<String, Object> e : properties.get(i).entrySet()) {
                out.append("      ").append(string(e.getKey())).append(": ").append(value(e.getValue()));
                out.append(++field < properties.get(i).size() ? ",\n" : "\n");
            }
            out.append(i + 1 < properties.size() ? "    },\n" : "    }\n");
        }
        return out.append("  ]\n}\n").toString();
    }

    private static String value(Object value) {
        if (value instanceof JsonNode node) {
            return node.isTextual() ? string(node.asText()) : node.toString();
        }
        return value instanceof String text ? string(text) : String.valueOf(value);
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
