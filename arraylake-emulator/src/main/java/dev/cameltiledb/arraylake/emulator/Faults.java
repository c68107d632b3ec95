package dev.cameltiledb.arraylake.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Failures the emulator answers on demand, before authentication and routing, as a load balancer or an overloaded
 * service would: {@code faults().failNext(2, 503, "GET", "/orgs/acme/repos", 1)} makes the next two matching requests
 * answer 503 with {@code Retry-After: 1}. Faults are used up in the order they were added.
 */
public final class Faults {

    private static final class Fault {
        private final String method;
        private final String pathPrefix;
        private final int status;
        private final Integer retryAfterSeconds;
        private int remaining;

        Fault(int times, int status, String method, String pathPrefix, Integer retryAfterSeconds) {
            this.remaining = times;
            this.status = status;
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        boolean applies(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (pathPrefix == null || path.startsWith(pathPrefix));
        }
    }

    private final List<Fault> pending = new ArrayList<>();

    Faults() {}

    /**
     * The next {@code times} requests with this method (null: any) whose path starts with {@code pathPrefix} (null:
     * any) answer {@code status} with {@code {"detail": "..."}}, and {@code Retry-After} when {@code
     * retryAfterSeconds} is not null.
     */
    public synchronized void failNext(
            int times, int status, String method, String pathPrefix, Integer retryAfterSeconds) {
        if (times < 1 || status < 400 || status > 599) {
            throw new IllegalArgumentException(
                    "a fault needs times >= 1 and an error status, was " + times + " × " + status);
        }
        pending.add(new Fault(times, status, method, pathPrefix, retryAfterSeconds));
    }

    /** Drops every fault not used yet. */
    public synchronized void clear() {
        pending.clear();
    }

    /** The answer for this request if a fault applies (using one of its times), else null. */
    synchronized Answer take(String method, String path) {
        for (Iterator<Fault> it = pending.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.applies(method, path)) {
                if (--fault.remaining == 0) {
                    it.remove();
                }
                Map<String, String> headers = fault.retryAfterSeconds == null
                        ? Map.of()
                        : Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds));
                return new Answer(
                        fault.status,
                        Map.of("detail", "Injected failure " + fault.status + " (emulator faults().failNext)"),
                        headers);
            }
        }
        return null;
    }
}
