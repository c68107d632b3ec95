package dev.cameltiledb.client;

import java.util.Set;

/** The Python client's {@code retry_mode}: which answers are worth sending again. */
public enum RetryMode {
    /** 503, and 429 (honouring {@code Retry-After}). */
    DEFAULT(Set.of(429, 503)),
    /** Also 400, 500, 501 and 502, for flaky networks and proxies. */
    FORCEFUL(Set.of(400, 429, 500, 501, 502, 503)),
    /** Never retry. */
    DISABLED(Set.of());

    private final Set<Integer> statuses;

    RetryMode(Set<Integer> statuses) {
        this.statuses = statuses;
    }

    boolean retries(int status) {
        return statuses.contains(status);
    }

    /** Accepts {@code default}, {@code forceful}, {@code disabled} in any case. */
    public static RetryMode of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TileDBConfigurationException(
                    "retryMode must be default, forceful or disabled, was '" + name + "'");
        }
    }
}
