package dev.cameltiledb.client;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.cameltiledb.rest.RetryAfter;

/**
 * When to send a request again and how long to wait first. Statuses follow the {@link RetryMode}; a connection
 * failure is retried only for methods that are safe to repeat, since a POST that reached the server may have done its
 * work, or when the connection could not be opened at all. A call that does work each time it is sent (SQL, a UDF) is
 * never sent again once it may have reached the service: of the statuses only 429 retries it. Waits grow
 * exponentially from {@code backoffBaseMillis} up to {@code backoffMaxMillis}, with full jitter;
 * a {@code Retry-After} on 429 or 503 replaces the backoff but never exceeds {@code retryAfterMaxMillis}, so a
 * server asking for an hour cannot stall a route for an hour. All retries of one call together never spend more than
 * {@code maxRetryMillis}: the time of the attempts so far plus the waits, and a retried attempt may only take what is
 * left of it ({@link dev.cameltiledb.rest.RetryBudget}), so a server that never answers or keeps answering 503 costs
 * one bounded budget per call, not {@code maxRetries} times the longest wait.
 *
 * @param mode                 which statuses are retried
 * @param maxRetries           retries after the first attempt
 * @param backoffBaseMillis    wait before the first retry
 * @param backoffMaxMillis     longest backoff wait
 * @param retryAfterMaxMillis  longest wait a Retry-After header can impose
 * @param jitter               randomise waits (full jitter) so many clients do not retry in step
 * @param maxRetryMillis       the most one call spends on its attempts and waits before it gives up retrying
 */
public record RetryPolicy(
        RetryMode mode,
        int maxRetries,
        long backoffBaseMillis,
        long backoffMaxMillis,
        long retryAfterMaxMillis,
        boolean jitter,
        long maxRetryMillis) {

    /** Two minutes: enough for the Python client's retries of a short outage, and a bound a route can live with. */
    public static final long DEFAULT_MAX_RETRY_MILLIS = 120_000;

    public static final RetryPolicy DEFAULT = new RetryPolicy(RetryMode.DEFAULT, 10, 250, 30_000, 60_000, true);
    public static final RetryPolicy NONE = new RetryPolicy(RetryMode.DISABLED, 0, 0, 0, 0, false);

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    public RetryPolicy {
        if (maxRetries < 0
                || backoffBaseMillis < 0
                || backoffMaxMillis < 0
                || retryAfterMaxMillis < 0
                || maxRetryMillis < 0) {
            throw new TileDBConfigurationException("Retry settings must not be negative");
        }
    }

    /** A policy with the default retry budget ({@link #DEFAULT_MAX_RETRY_MILLIS}). */
    public RetryPolicy(
            RetryMode mode,
            int maxRetries,
            long backoffBaseMillis,
            long backoffMaxMillis,
            long retryAfterMaxMillis,
            boolean jitter) {
        this(
                mode,
                maxRetries,
                backoffBaseMillis,
                backoffMaxMillis,
                retryAfterMaxMillis,
                jitter,
                DEFAULT_MAX_RETRY_MILLIS);
    }

    /**
     * Whether the answer {@code status} to attempt {@code attempt} (1-based) should be tried again. A call that does its
     * work each time it is sent ({@code once}: SQL, a UDF, a graph's submission) is sent again only after a 429, by
     * which the service refused it before running it; a 5xx may come from a gateway after the work was done.
     */
    boolean retriesStatus(int status, int attempt, boolean once) {
        return mode != RetryMode.DISABLED && attempt <= maxRetries && mode.retries(status) && (!once || status == 429);
    }

    /**
     * Whether a failed connection should be tried again: for methods safe to repeat, and for any request when the
     * connection could not even be opened ({@code nothingSent}), since then nothing reached the service.
     */
    boolean retriesConnectionFailure(String method, int attempt, boolean nothingSent) {
        return mode != RetryMode.DISABLED && attempt <= maxRetries && (nothingSent || IDEMPOTENT.contains(method));
    }

    /** How long to wait before retry number {@code attempt}; {@code retryAfter} is the header value or null. */
    long delayMillis(int attempt, int status, String retryAfter) {
        if (retryAfter != null && (status == 429 || status == 503)) {
            Long asked = parseRetryAfter(retryAfter);
            if (asked != null) {
                return Math.min(asked, retryAfterMaxMillis);
            }
        }
        long exponential = backoffBaseMillis << Math.min(attempt - 1, 30);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, backoffMaxMillis);
        return jitter && capped > 0 ? ThreadLocalRandom.current().nextLong(capped + 1) : capped;
    }

    /** Seconds, or an HTTP date; null when unreadable. */
    static Long parseRetryAfter(String value) {
        return RetryAfter.millis(value, Instant.now());
    }
}
