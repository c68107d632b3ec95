package dev.cameltiledb.arraylake.client;

import java.time.Instant;
import java.util.Set;
import java.util.function.DoubleSupplier;

import dev.cameltiledb.rest.RetryAfter;

/**
 * The Python client's retry rules, in one place so they can be tested without HTTP. Statuses: 429, 502, 503, 504 for
 * every method (the gateway or rate limiter refused before the service acted), 500 only for methods that are safe to
 * repeat. Waits: {@code 0.1 s · 2^(n-1)} for retry n, capped at maxBackoff, ±10 % jitter (kept under the cap); a
 * {@code Retry-After} replaces the backoff, cut to maxRetryAfter so a server cannot stall a caller for an hour.
 *
 * <p>Connection failures have their own budget of {@value #CONNECTION_RETRIES} retries with httpx's transport waits
 * (0 s, then 0.5 s doubling). They are retried for every method only when the connection was never made; a broken
 * connection after the request went out is retried only for safe methods, since a POST may have done its work.
 */
record RetryPolicy(int maxAttempts, long maxBackoffMillis, long maxRetryAfterMillis, DoubleSupplier jitter) {

    static final int CONNECTION_RETRIES = 5;
    static final long BASE_MILLIS = 100;
    static final double JITTER = 0.10;
    static final long CONNECTION_BASE_MILLIS = 500;

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<Integer> ALWAYS = Set.of(429, 502, 503, 504);

    static RetryPolicy of(ArraylakeSettings settings) {
        return new RetryPolicy(
                settings.maxRetries(),
                settings.maxBackoff().toMillis(),
                settings.maxRetryAfter().toMillis(),
                settings.jitter());
    }

    /** Whether an answer {@code status} to attempt number {@code attempt} (1-based) is worth another attempt. */
    boolean retriesStatus(String method, int status, int attempt) {
        if (attempt >= maxAttempts) {
            return false;
        }
        return ALWAYS.contains(status) || status == 500 && SAFE.contains(method);
    }

    /** Whether connection failure number {@code failures} (1-based) of this call is tried again. */
    boolean retriesConnection(String method, boolean requestMayHaveBeenSent, int failures) {
        return failures <= CONNECTION_RETRIES && (!requestMayHaveBeenSent || SAFE.contains(method));
    }

    /** The wait before retry {@code retry} (1 = the second attempt) after a retryable status. */
    long statusDelayMillis(int retry, String retryAfter, Instant now) {
        if (retryAfter != null) {
            Long asked = retryAfterMillis(retryAfter, now);
            if (asked != null) {
                return Math.min(asked, maxRetryAfterMillis);
            }
        }
        return backoffMillis(retry);
    }

    /** Exponential backoff with ±10 % jitter, never above maxBackoff. */
    long backoffMillis(int retry) {
        double exponential = BASE_MILLIS * Math.pow(2, Math.min(retry - 1, 40));
        double capped = Math.min(exponential, maxBackoffMillis);
        double jittered = capped * (1 + JITTER * (2 * jitter.getAsDouble() - 1));
        return Math.round(Math.min(jittered, maxBackoffMillis));
    }

    /** The wait before connection retry {@code retry} (1-based): immediately, then 0.5 s, 1 s, 2 s, 4 s. */
    long connectionDelayMillis(int retry) {
        long delay = retry <= 1 ? 0 : CONNECTION_BASE_MILLIS << Math.min(retry - 2, 20);
        return Math.min(delay, Math.max(maxBackoffMillis, 0));
    }

    /** A Retry-After value in milliseconds from {@code now}: delta seconds or an HTTP date; null when unreadable. */
    static Long retryAfterMillis(String value, Instant now) {
        return RetryAfter.millis(value, now);
    }
}
