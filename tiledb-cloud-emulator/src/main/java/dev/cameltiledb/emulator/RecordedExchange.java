package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.common.WireExchange;

/**
 * One request the emulator answered, as it crossed the wire: for contract tests that check both sides against the
 * official spec. JSON bodies are kept whole (up to 1 MiB); streamed bodies (notebook uploads and downloads) only their
 * first 64 KiB; a body the handler never read is null.
 *
 * @param method          HTTP method
 * @param rawPath         the path exactly as sent, still percent-encoded
 * @param query           query parameters, decoded, in order
 * @param requestHeaders  request headers (names lower case)
 * @param requestBody     the JSON request body, or null
 * @param status          the response status
 * @param responseHeaders response headers (names lower case)
 * @param responseBody    the JSON response body, or null
 */
public record RecordedExchange(
        String method,
        String rawPath,
        Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders,
        byte[] requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        byte[] responseBody) {

    static RecordedExchange of(WireExchange x) {
        return new RecordedExchange(
                x.method(),
                x.rawPath(),
                x.query(),
                x.requestHeaders(),
                x.requestBody(),
                x.status(),
                x.responseHeaders(),
                x.responseBody());
    }
}
