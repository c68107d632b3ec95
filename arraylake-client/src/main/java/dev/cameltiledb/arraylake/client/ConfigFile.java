package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code service.uri} from the Python client's {@code config.yaml}. Only that one key is needed, so a few lines
 * of reading beat a YAML library: either the nested form ({@code service:} then an indented {@code uri:}) or the
 * flat {@code service.uri:} key.
 */
final class ConfigFile {

    private ConfigFile() {}

    static Optional<String> serviceUri(Path configYaml) {
        if (!Files.isRegularFile(configYaml)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(configYaml);
        } catch (IOException e) {
            throw new ArraylakeException("Cannot read " + configYaml + ": " + e.getMessage(), e);
        }
        boolean inService = false;
        for (String raw : lines) {
            String line = withoutComment(raw);
            if (line.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            String trimmed = line.strip();
            if (!indented) {
                inService = trimmed.equals("service:");
                if (trimmed.startsWith("service.uri:")) {
                    return value(trimmed.substring("service.uri:".length()));
                }
            } else if (inService && trimmed.startsWith("uri:")) {
                return value(trimmed.substring("uri:".length()));
            }
        }
        return Optional.empty();
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf(" #");
        return line.startsWith("#") ? "" : hash < 0 ? line : line.substring(0, hash);
    }

    private static Optional<String> value(String raw) {
        String v = raw.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
