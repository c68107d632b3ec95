package dev.cameltiledb.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the service retries a task graph's nodes ({@code RetryStrategy}, in Argo's words, hence the camel case on the
 * wire).
 *
 * @param backoff     the waits between attempts
 * @param expression  a condition; when it is false the node is not retried
 * @param limit       retries after the first attempt
 * @param retryPolicy {@code Always}, {@code OnFailure}, {@code OnError} or {@code OnTransientError}
 */
public record RetryStrategy(
        Backoff backoff,
        String expression,
        Long limit,
        @JsonProperty("retryPolicy") String retryPolicy) {

    /**
     * The waits between attempts.
     *
     * @param duration    the first wait: seconds, or a duration such as {@code 2m}
     * @param factor      what each wait is multiplied by
     * @param maxDuration the longest time all retries may take
     */
    public record Backoff(
            String duration,
            Long factor,
            @JsonProperty("maxDuration") String maxDuration) {}
}
