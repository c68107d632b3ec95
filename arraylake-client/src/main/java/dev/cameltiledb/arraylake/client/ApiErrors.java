package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.rest.ErrorBodies;

/**
 * Turns an error answer into the exception for its status, with the service's {@code detail}: a string, or FastAPI's
 * list of {@code {loc, msg}} for 422, rendered {@code body.name: msg}.
 */
final class ApiErrors {

    private ApiErrors() {}

    static ArraylakeApiException of(int status, byte[] body, String requestId, String method, String path) {
        JsonNode detail = detailNode(body);
        if (status == 422 && detail != null && detail.isArray()) {
            return new ArraylakeValidationException(problems(detail), requestId, method, path);
        }
        String text = detail == null ? rawText(body) : detail.isTextual() ? detail.asText() : detail.toString();
        return switch (status) {
            case 401, 403 -> new ArraylakeAuthException(status, text, requestId, method, path);
            case 404 -> new ArraylakeNotFoundException(status, text, requestId, method, path);
            case 409 -> new ArraylakeConflictException(status, text, requestId, method, path);
            case 422 ->
                new ArraylakeValidationException(List.of(text == null ? "invalid" : text), requestId, method, path);
            default -> new ArraylakeApiException(status, text, requestId, method, path);
        };
    }

    private static JsonNode detailNode(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            return root != null && root.has("detail") ? root.get("detail") : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static List<String> problems(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : list) {
            List<String> loc = new ArrayList<>();
            item.path("loc").forEach(part -> loc.add(part.asText()));
            String msg = item.path("msg").asText(item.toString());
            out.add(loc.isEmpty() ? msg : String.join(".", loc) + ": " + msg);
        }
        return out;
    }

    /** A gateway's HTML or plain-text error page, shortened: enough to recognise, not a page of markup. */
    private static String rawText(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        return ErrorBodies.abbreviate(new String(body, StandardCharsets.UTF_8).strip());
    }
}
