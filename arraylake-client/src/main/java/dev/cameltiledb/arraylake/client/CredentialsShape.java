package dev.cameltiledb.arraylake.client;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;

/**
 * Reads temporary credentials, whose JSON carries no type field: the keys tell the platform apart. An unknown shape
 * is reported by its keys only, since the values are secrets.
 */
final class CredentialsShape {

    private CredentialsShape() {}

    static TemporaryCredentials read(JsonNode node) {
        Class<? extends TemporaryCredentials> type;
        if (node.has("aws_access_key_id")) {
            type = TemporaryCredentials.S3.class;
        } else if (node.has("sas_token")) {
            type = TemporaryCredentials.Azure.class;
        } else if (node.has("access_token")) {
            type = TemporaryCredentials.Gcs.class;
        } else {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            throw new ArraylakeException("Unknown temporary credentials shape with keys " + keys);
        }
        return Json.MAPPER.convertValue(node, type);
    }
}
