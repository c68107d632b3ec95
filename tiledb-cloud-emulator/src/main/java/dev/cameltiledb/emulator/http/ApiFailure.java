package dev.cameltiledb.emulator.http;

import java.util.Map;

import dev.cameltiledb.emulator.common.HttpFailure;

/** Ends a request with an HTTP error status and the spec's {@code Error} JSON body ({@link TileDBDialect}). */
public final class ApiFailure extends HttpFailure {

    public ApiFailure(int status, String message) {
        super(status, message);
    }

    public ApiFailure(int status, String message, Map<String, String> headers) {
        super(status, message, headers);
    }

    /** TileDB's numeric error code: the emulator uses the status times ten, so 404 gives 4040. */
    public static long code(int status) {
        return status * 10L;
    }

    public static ApiFailure badRequest(String message) {
        return new ApiFailure(400, message);
    }

    public static ApiFailure unauthorized(String message) {
        return new ApiFailure(401, message);
    }

    public static ApiFailure forbidden(String message) {
        return new ApiFailure(403, message);
    }

    public static ApiFailure notFound(String message) {
        return new ApiFailure(404, message);
    }

    public static ApiFailure conflict(String message) {
        return new ApiFailure(409, message);
    }
}
