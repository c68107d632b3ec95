package dev.cameltiledb.arraylake.emulator;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.common.HttpFailure;

/**
 * Ends a request with an error status and FastAPI's body: {@code {"detail": "message"}}, or for a validation error
 * {@code {"detail": [{"loc": [...], "msg": ..., "type": ...}]}}. Handlers throw it; {@link ArraylakeDialect} turns it
 * into the answer, so no handler writes an error by hand.
 */
final class ApiError extends HttpFailure {

    private final Object detail;

    private ApiError(int status, Object detail, String message, Map<String, String> headers) {
        super(status, message, headers);
        this.detail = detail;
    }

    static ApiError of(int status, String detail) {
        return new ApiError(status, detail, detail, Map.of());
    }

    static ApiError withHeaders(int status, String detail, Map<String, String> headers) {
        return new ApiError(status, detail, detail, headers);
    }

    /** A 422 whose detail is the list of problems, as FastAPI reports a request that fails its models. */
    static ApiError invalid(List<Problem> problems) {
        return new ApiError(422, List.copyOf(problems), problems.toString(), Map.of());
    }

    static ApiError invalid(Problem problem) {
        return invalid(List.of(problem));
    }

    static ApiError unauthenticated(String detail) {
        // FastAPI's HTTPBearer names the scheme the caller should use
        return withHeaders(401, detail, Map.of("WWW-Authenticate", "Bearer"));
    }

    static ApiError forbidden(String detail) {
        return of(403, detail);
    }

    static ApiError notFound(String detail) {
        return of(404, detail);
    }

    static ApiError conflict(String detail) {
        return of(409, detail);
    }

    /** A 422 with a plain message: a rule of the service rather than the shape of the request. */
    static ApiError unprocessable(String detail) {
        return of(422, detail);
    }

    /** What FastAPI puts under {@code detail}: the message, or the list of problems of a 422. */
    Object detail() {
        return detail;
    }
}
