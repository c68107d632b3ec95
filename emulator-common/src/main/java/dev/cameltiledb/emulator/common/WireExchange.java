package dev.cameltiledb.emulator.common;

import java.util.List;
import java.util.Map;

/**
 * One request and its answer as they crossed the wire, taken just before the answer was sent; each emulator records
 * it in its own public form ({@link ExchangeRecorder}).
 *
 * @param method          HTTP method
 * @param rawPath         the path exactly as sent, still percent-encoded
 * @param query           query parameters, decoded, in order
 * @param requestHeaders  request headers, names in lower case
 * @param requestBody     what was read of the request body (a streamed one: its first bytes); null when none was
 * @param status          the answer's status
 * @param responseHeaders the answer's headers, names in lower case
 * @param responseBody    the answer's body (a streamed one: its {@link StreamedBody#head()}); null when it has none
 */
public record WireExchange(
        String method,
        String rawPath,
        Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders,
        byte[] requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        byte[] responseBody) {}
