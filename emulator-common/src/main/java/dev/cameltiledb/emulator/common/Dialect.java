package dev.cameltiledb.emulator.common;

import java.util.Set;

/**
 * How a service words and shapes what the shared machinery answers: its error body ({@code {"code", "message",
 * "request_id"}} for TileDB, {@code {"detail": ...}} for Arraylake) and the messages of the failures every emulator
 * has (no such endpoint, another method, too many bodies at once, a body too large, a bug).
 */
public interface Dialect {

    HttpFailure noEndpoint(Call call);

    /** The path is served with {@code allowed} methods only. */
    HttpFailure methodNotAllowed(Call call, Set<String> allowed);

    /** Every body slot is taken ({@code slots} of them). */
    HttpFailure busy(int slots);

    HttpFailure bodyTooLarge(int maxBytes);

    /** The emulator failed (a bug): logged by the dispatcher, answered 500. */
    HttpFailure internalError(RuntimeException cause);

    /** The answer to a failure, in the service's error shape; {@code call.route()} is null when none matched. */
    Answer error(Call call, HttpFailure failure);

    /** Headers every answer carries (a request id); none by default. */
    default Answer decorate(Call call, Answer answer) {
        return answer;
    }
}
