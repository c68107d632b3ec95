package dev.cameltiledb.emulator.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Faults an emulator answers on demand, before routing and authentication, as a flaky service or the load balancer
 * in front of it would: the next {@code times} requests with a method (null: any) under a path prefix (null: any) get
 * the fault's answer instead of the service's. Faults are used up in the order they were added. What the emulator
 * serves otherwise is never changed by them.
 */
public final class FaultPlan {

    /** What a faulted request gets: an answer, or an {@link HttpFailure} thrown to answer in the service's error shape. */
    @FunctionalInterface
    public interface Fault {
        Answer answer(Call call);
    }

    private static final class Pending {
        private final String method;
        private final String pathPrefix;
        private final Fault fault;
        private int remaining;

        Pending(String method, String pathPrefix, int times, Fault fault) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.remaining = times;
            this.fault = fault;
        }

        boolean applies(String requestMethod, String rawPath) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (pathPrefix == null || rawPath.startsWith(pathPrefix));
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    public synchronized void add(String method, String pathPrefix, int times, Fault fault) {
        if (times > 0) {
            pending.add(new Pending(method, pathPrefix, times, fault));
        }
    }

    /** Drops every fault not used yet. */
    public synchronized void clear() {
        pending.clear();
    }

    /** The fault for this request, using one of its times; null when none applies. */
    synchronized Fault take(String method, String rawPath) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.applies(method, rawPath)) {
                if (--p.remaining == 0) {
                    it.remove();
                }
                return p.fault;
            }
        }
        return null;
    }
}
