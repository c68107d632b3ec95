package dev.cameltiledb.arraylake.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.common.WireExchange;

/**
 * One request and its answer as they crossed the wire, kept when {@link ArraylakeEmulator.Builder#recordExchanges()}
 * is set: for contract tests that check both sides against {@code openapi/arraylake-api.yaml}. The
 * {@code Authorization} header is left out (see {@code authorizationPresent}) and a {@code token} query value reads
 * {@code ***}; bodies are kept whole.
 *
 * @param method               HTTP method
 * @param path                 the path as sent, still percent-encoded
 * @param query                query parameters, decoded
 * @param requestHeaders       request headers, names in lower case, without {@code authorization}
 * @param authorizationPresent whether the request carried an {@code Authorization} header
 * @param requestBody          the request body (empty when none)
 * @param status               the answer's status
 * @param responseHeaders      the answer's headers, names in lower case
 * @param responseBody         the answer's body (empty when none)
 */
public record RecordedExchange(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders,
        boolean authorizationPresent,
        byte[] requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        byte[] responseBody) {

    /** An exchange as it crossed the wire, without what a record may not show: the bearer, a token in the query. */
    static RecordedExchange of(WireExchange x) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        x.query().forEach((name, values) -> query.put(name, name.equals("token") ? List.of("***") : values));
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>(x.requestHeaders());
        boolean authorization = requestHeaders.remove("authorization") != null;
        return new RecordedExchange(
                x.method(),
                x.rawPath(),
                query,
                requestHeaders,
                authorization,
                x.requestBody() == null ? new byte[0] : x.requestBody(),
                x.status(),
                x.responseHeaders(),
                x.responseBody() == null ? new byte[0] : x.responseBody());
    }

    public String requestText() {
        return new String(requestBody, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String responseText() {
        return new String(responseBody, java.nio.charset.StandardCharsets.UTF_8);
    }
}
