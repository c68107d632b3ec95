package dev.cameltiledb.component.consumer;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the service keeps activity: a window query without a start covers the seven days up to now. An idle probe
 * (see {@link SingleArrayActivitySource}) trusts that events it saw are still logged; that holds for a window that
 * starts well inside those seven days, and is not relied on for one that reaches back further.
 */
final class ActivityRetention {

    static final Duration SERVICE_WINDOW = Duration.ofDays(7);

    /** Room for the clocks of this machine and the service to disagree. */
    private static final Duration MARGIN = Duration.ofHours(1);

    private ActivityRetention() {}

    /** Whether every event at or after {@code fromSecond} is still kept by the service at {@code now}. */
    static boolean keepsFrom(long fromSecond, Instant now) {
        return fromSecond >= now.minus(SERVICE_WINDOW).plus(MARGIN).getEpochSecond();
    }
}
