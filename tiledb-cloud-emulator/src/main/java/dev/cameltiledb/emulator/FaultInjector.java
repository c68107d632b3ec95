package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.FaultPlan;
import dev.cameltiledb.emulator.http.ApiFailure;

/**
 * Faults an emulator injects on demand ({@link TileDBEmulator#faults()}): the next requests of a path fail with a
 * status and the spec's Error JSON, or a listing comes back empty, as a flaky service would answer. What the emulator
 * serves otherwise is never changed by it.
 */
public final class FaultInjector {

    private final FaultPlan plan = new FaultPlan();

    FaultInjector() {}

    /**
     * Makes the next {@code times} requests whose path starts with {@code pathPrefix} fail with {@code status} and
     * the spec's Error JSON.
     */
    public void failNext(String pathPrefix, int times, int status) {
        ApiFailure failure = new ApiFailure(status, "injected failure (emulator faults().failNext)");
        plan.add(null, pathPrefix, times, call -> {
            throw failure;
        });
    }

    /**
     * Makes the next {@code times} browser listings of {@code resource} ({@code arrays} or {@code groups}) answer 200
     * with no items and totals of zero, as a service having a bad moment might: a change feed must not take that for
     * every asset gone.
     */
    public void answerEmptyListingNext(String resource, int times) {
        Answer empty = Answer.ok(Map.of(
                resource,
                List.of(),
                "pagination_metadata",
                Map.of("page", 1, "per_page", 0, "total_pages", 0, "total_items", 0)));
        plan.add(null, "/v1/" + resource + "/browser/", times, call -> empty);
    }

    FaultPlan plan() {
        return plan;
    }
}
