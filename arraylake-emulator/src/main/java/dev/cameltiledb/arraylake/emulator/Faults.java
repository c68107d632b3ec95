package dev.cameltiledb.arraylake.emulator;

import java.util.Map;

import dev.cameltiledb.emulator.common.FaultPlan;

/**
 * Failures the emulator answers on demand, before authentication and routing, as a load balancer or an overloaded
 * service would: {@code faults().failNext(2, 503, "GET", "/orgs/acme/repos", 1)} makes the next two matching requests
 * answer 503 with {@code Retry-After: 1}. Faults are used up in the order they were added.
 */
public final class Faults {

    private final FaultPlan plan = new FaultPlan();

    Faults() {}

    /**
     * The next {@code times} requests with this method (null: any) whose path starts with {@code pathPrefix} (null:
     * any) answer {@code status} with {@code {"detail": "..."}}, and {@code Retry-After} when {@code
     * retryAfterSeconds} is not null.
     */
    public void failNext(int times, int status, String method, String pathPrefix, Integer retryAfterSeconds) {
        if (times < 1 || status < 400 || status > 599) {
            throw new IllegalArgumentException(
                    "a fault needs times >= 1 and an error status, was " + times + " × " + status);
        }
        ApiError failure = ApiError.withHeaders(
                status,
                "Injected failure " + status + " (emulator faults().failNext)",
                retryAfterSeconds == null ? Map.of() : Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
        plan.add(method, pathPrefix, times, call -> {
            throw failure;
        });
    }

    /** Drops every fault not used yet. */
    public void clear() {
        plan.clear();
    }

    FaultPlan plan() {
        return plan;
    }
}
