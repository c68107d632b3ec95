package dev.cameltiledb.rest;

/**
 * The time one call may spend on retrying: its attempts so far plus the waits between them. A retry is sent only when
 * its wait still fits, and once sent it may only take what is left ({@link CallDeadline#limitTo}): the budget covers
 * the retried attempt too, so a call that retries ends within the budget (or its first attempt's time, when that was
 * longer), never a whole response timeout past it. Which answers are retried, how often and after which wait is each
 * service's own rule; this only keeps the time.
 */
public final class RetryBudget {

    private final long maxMillis;
    private final String option;
    private long spentMillis;

    /** {@code maxMillis} is the value of the option {@code option} that sets it, which errors name. */
    public RetryBudget(long maxMillis, String option) {
        this.maxMillis = maxMillis;
        this.option = option;
    }

    /** Counts an attempt that started at {@code startedNanos} ({@link System#nanoTime()}) and has just ended. */
    public void attempted(long startedNanos) {
        spentMillis += (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Whether a retry after {@code delayMillis} still fits, with time left for the retry itself. */
    public boolean allows(long delayMillis) {
        return spentMillis + delayMillis <= maxMillis;
    }

    /** Counts the wait just spent and bounds the retry that follows by what is left of the budget. */
    public void waited(long delayMillis, CallDeadline deadline) {
        spentMillis += delayMillis;
        deadline.limitTo(maxMillis - spentMillis, maxMillis, option);
    }

    public long spentMillis() {
        return spentMillis;
    }
}
