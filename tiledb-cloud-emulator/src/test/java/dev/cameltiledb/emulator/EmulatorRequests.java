package dev.cameltiledb.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;

import dev.cameltiledb.testing.ServerPerClass;

/** Requests to an emulator with the JDK's HTTP client (never the component's), as the emulator's own tests send them. */
final class EmulatorRequests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EmulatorRequests() {}

    /** An emulator per test class, configured so (the emulator's tests cannot use its extension artifact). */
    static ServerPerClass<TileDBEmulator> perClass(Consumer<TileDBEmulator.Builder> configuration) {
        return new ServerPerClass<>(() -> {
            TileDBEmulator.Builder builder = TileDBEmulator.builder();
            configuration.accept(builder);
            return builder.build().start();
        });
    }

    /** A JSON request authenticated with {@code key} (none when null); {@code body} null sends none. */
    static HttpResponse<String> send(TileDBEmulator emulator, String method, String path, String key, String body)
            throws Exception {
        return sendWithHeaders(
                emulator, method, path, key == null ? Map.of() : Map.of("X-TILEDB-REST-API-KEY", key), body);
    }

    /** A JSON request with these headers (authentication among them, or none); {@code body} null sends none. */
    static HttpResponse<String> sendWithHeaders(
            TileDBEmulator emulator, String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends, checks the status (the answer's body in the failure message) and parses the body; null when empty. */
    static com.fasterxml.jackson.databind.JsonNode json(
            TileDBEmulator emulator, String method, String path, String key, String body, int status) throws Exception {
        HttpResponse<String> r = send(emulator, method, path, key, body);
        org.junit.jupiter.api.Assertions.assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
