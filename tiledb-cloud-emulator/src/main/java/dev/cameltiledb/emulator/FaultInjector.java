package dev.cameltiledb.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults an emulator injects on demand ({@link TileDBEmulator#faults()}): the next requests of a path fail with a
 * status and the spec's Error JSON, or a listing comes back empty, as a flaky service would answer. What the emulator
 * serves otherwise is never changed by it.
 */
public final class FaultInjector {

    /** The status a fault carries when it stands for an empty listing rather than an error. */
    static final int EMPTY_LISTING = 200;

    private record Fault(String pathPrefix, int status, AtomicInteger remaining) {}

    private final List<Fault> faults = new ArrayList<>();

    FaultInjector() {}

    /**
     * Makes the next {@code times} requests whose path starts with {@code pathPrefix} fail with {@code status} and
     * the spec's Error JSON.
     */
    public void failNext(String pathPrefix, int times, int status) {
        synchronized (faults) {
            faults.add(new Fault(pathPrefix, status, new AtomicInteger(times)));
        }
    }

    /**
     * Makes the next {@code times} browser listings of {@code resource} ({@code arrays} or {@code groups}) answer 200
     * with no items and totals of zero, as a service having a bad moment might: a change feed must not take that for
     * every asset gone.
     */
    public void answerEmptyListingNext(String resource, int times) {
        failNext("/v1/" + resource + "/browser/", times, EMPTY_LISTING);
    }

    /** The fault for this request, using one of its remaining times; null when none applies. */
    ApiFailure next(String rawPath) {
        synchronized (faults) {
            for (Fault fault : faults) {
                if (rawPath.startsWith(fault.pathPrefix()) && fault.remaining().getAndDecrement() > 0) {
                    return new ApiFailure(fault.status(), "injected failure (emulator faults().failNext)");
                }
            }
            faults.removeIf(f -> f.remaining().get() <= 0);
        }
        return null;
    }
}
