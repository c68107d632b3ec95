package dev.cameltiledb.client;

/**
 * Told of every HTTP attempt the client makes, for metrics: the client itself depends on no metrics library. An
 * implementation must be quick and thread-safe; an exception it throws is ignored. Installed for the calls made
 * inside a {@link RequestContext}.
 */
@FunctionalInterface
public interface RequestListener {

    /** One HTTP attempt has been answered (or failed without an answer). */
    void attemptFinished(RequestAttempt attempt);

    /**
     * One HTTP attempt.
     *
     * @param method the HTTP method
     * @param attempt 1 for the first attempt of a call, 2 for its first retry, and so on
     * @param status the HTTP status, or 0 when no answer came (a connection failure or timeout)
     * @param retrying true when the client sends the call again after this attempt (a retry or a session renewal)
     * @param durationNanos from sending the request to receiving the answer's status line and headers
     */
    record RequestAttempt(String method, int attempt, int status, boolean retrying, long durationNanos) {}
}
