package dev.cameltiledb.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Call;
import dev.cameltiledb.emulator.common.Dialect;
import dev.cameltiledb.emulator.common.HttpFailure;

/**
 * TileDB's words for what the shared machinery answers: the spec's {@code Error} JSON ({@code code}, {@code message},
 * {@code request_id}) with an {@code X-Request-Id}, or no body where the spec declares the error without one
 * ({@link BodilessErrors}); a 405 lists the methods that are served in {@code Allow}, as RFC 9110 asks.
 */
final class TileDBDialect implements Dialect {

    private static final String REQUEST_ID = "X-Request-Id";

    @Override
    public HttpFailure noEndpoint(Call call) {
        return ApiFailure.notFound("no endpoint " + call.method() + " " + call.rawPath());
    }

    @Override
    public HttpFailure methodNotAllowed(Call call, Set<String> allowed) {
        return new ApiFailure(
                405,
                call.method() + " is not allowed on " + call.rawPath() + "; allowed: " + allowed,
                Map.of("Allow", String.join(", ", allowed)));
    }

    @Override
    public HttpFailure busy(int slots) {
        return new ApiFailure(
                503,
                "the emulator is receiving " + slots + " request bodies already; send this one again when one has"
                        + " finished");
    }

    @Override
    public HttpFailure bodyTooLarge(int maxBytes) {
        return new ApiFailure(413, "a JSON request body may hold at most " + maxBytes + " bytes");
    }

    @Override
    public HttpFailure internalError(RuntimeException cause) {
        return new ApiFailure(500, "emulator error: " + cause);
    }

    @Override
    public Answer error(Call call, HttpFailure failure) {
        String requestId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>(failure.headers());
        headers.put(REQUEST_ID, requestId);
        if (call.route() != null && BodilessErrors.bodiless(call.route(), failure.status())) {
            return Answer.empty(failure.status(), headers);
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", ApiFailure.code(failure.status()));
        error.put("message", failure.getMessage());
        error.put("request_id", requestId);
        return new Answer(failure.status(), error, headers);
    }
}
