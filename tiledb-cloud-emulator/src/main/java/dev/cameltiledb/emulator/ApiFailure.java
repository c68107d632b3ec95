package dev.cameltiledb.emulator;

import java.util.Map;

import dev.cameltiledb.emulator.common.HttpFailure;

/** Ends a request with an HTTP error status and the spec's {@code Error} JSON body ({@link TileDBDialect}). */
final class ApiFailure extends HttpFailure {

    ApiFailure(int status, String message) {
        super(status, message);
    }

    ApiFailure(int status, String message, Map<String, String> headers) {
        super(status, message, headers);
    }

    /** TileDB's numeric error code: the emulator uses the status times ten, so 404 gives 4040. */
    static long code(int status) {
        return status * 10L;
    }

    static ApiFailure badRequest(String message) {
        return new ApiFailure(400, message);
    }

    static ApiFailure unauthorized(String message) {
        return new ApiFailure(401, message);
    }

    static ApiFailure forbidden(String message) {
        return new ApiFailure(403, message);
    }

    static ApiFailure notFound(String message) {
        return new ApiFailure(404, message);
    }

    static ApiFailure conflict(String message) {
        return new ApiFailure(409, message);
    }
}
