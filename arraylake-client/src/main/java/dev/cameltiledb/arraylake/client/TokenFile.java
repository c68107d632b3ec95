package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Python client's {@code token.json}: {@code access_token}, {@code id_token}, {@code refresh_token},
 * {@code expires_in}, {@code token_type}. The service takes the id token as Bearer. Error messages name the file and
 * the missing key, never a value.
 */
record TokenFile(String idToken, String refreshToken) {

    static TokenFile read(Path file) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            // the parser's message can quote file content, which is secret: report the type only
            throw new ArraylakeException("Cannot read the Arraylake token file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new ArraylakeException("The Arraylake token file " + file + " is not a JSON object");
        }
        String id = text(node, "id_token");
        if (id == null) {
            throw new ArraylakeException("The Arraylake token file " + file + " has no id_token");
        }
        return new TokenFile(id, text(node, "refresh_token"));
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "TokenFile[***]";
    }
}
