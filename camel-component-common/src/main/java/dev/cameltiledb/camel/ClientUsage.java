package dev.cameltiledb.camel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service client's connection pool now and what it has done since it was made, as the dev consoles show it.
 *
 * @param host         where it sends its requests (no user info, no query)
 * @param leased       pooled connections in use
 * @param available    pooled connections idle, ready for reuse
 * @param pending      requests waiting for a connection
 * @param max          the pool's size ({@code maxConnections})
 * @param requests     HTTP attempts sent, retries included
 * @param retries      attempts sent again after an answer or a failure
 * @param deadlineHits calls cut off by {@code callTimeout} (or a retry budget that bounded them)
 */
public record ClientUsage(
        String host, int leased, int available, int pending, int max, long requests, long retries, long deadlineHits) {

    Map<String, Object> toMap() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("host", host);
        fields.put("leased", leased);
        fields.put("available", available);
        fields.put("pending", pending);
        fields.put("max", max);
        fields.put("requests", requests);
        fields.put("retries", retries);
        fields.put("deadlineHits", deadlineHits);
        return fields;
    }
}
