package dev.cameltiledb.emulator;

/** Ends a request with an HTTP error status and the spec's {@code Error} JSON body. */
final class ApiFailure extends RuntimeException {

    private final int status;

    ApiFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** TileDB's numeric error code: the emulator uses the status times ten, so 404 gives 4040. */
    long code() {
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
