package dev.cameltiledb.arraylake.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Call;
import dev.cameltiledb.emulator.common.Dialect;
import dev.cameltiledb.emulator.common.HttpFailure;

/**
 * Arraylake's words for what the shared machinery answers: FastAPI's {@code {"detail": ...}} for every error, its
 * plain {@code Not Found} and {@code Method Not Allowed}, and an {@code x-request-id} on every answer (the caller's own,
 * when it sent one).
 */
final class ArraylakeDialect implements Dialect {

    static final String REQUEST_ID = "x-request-id";

    @Override
    public HttpFailure noEndpoint(Call call) {
        return ApiError.of(404, "Not Found");
    }

    @Override
    public HttpFailure methodNotAllowed(Call call, Set<String> allowed) {
        return ApiError.of(405, "Method Not Allowed");
    }

    @Override
    public HttpFailure busy(int slots) {
        return ApiError.of(503, "The emulator is receiving " + slots + " request bodies already; send this one again");
    }

    @Override
    public HttpFailure bodyTooLarge(int maxBytes) {
        return ApiError.of(413, "Request body larger than " + maxBytes + " bytes");
    }

    @Override
    public HttpFailure internalError(RuntimeException cause) {
        return ApiError.of(500, "Internal Server Error");
    }

    @Override
    public Answer error(Call call, HttpFailure failure) {
        Object detail = failure instanceof ApiError e ? e.detail() : failure.getMessage();
        return new Answer(failure.status(), Map.of("detail", detail), failure.headers());
    }

    @Override
    public Answer decorate(Call call, Answer answer) {
        String requestId = Optional.ofNullable(call.header(REQUEST_ID))
                .filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        return answer.withHeader(REQUEST_ID, requestId);
    }
}
